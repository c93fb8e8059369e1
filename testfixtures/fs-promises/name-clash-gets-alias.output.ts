import { readFile } from 'fs';
import { readFile as readFileAsync } from 'fs/promises';

export function legacy(file: string, done: (text: string) => void): void {
  readFile(file, 'utf8', (_error, text) => done(text));
}

export async function modern(file: string): Promise<string> {
  return await readFileAsync(file, 'utf8');
}
