import { readFile, readFileSync } from 'fs';

export function legacy(file: string, done: (text: string) => void): void {
  readFile(file, 'utf8', (_error, text) => done(text));
}

export async function modern(file: string): Promise<string> {
  return readFileSync(file, 'utf8');
}
