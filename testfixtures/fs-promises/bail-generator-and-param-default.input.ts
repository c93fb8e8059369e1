import { readFileSync } from 'fs';

export function* lines(file: string) {
  yield* readFileSync(file, 'utf8').split('\n');
}

export async function read(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
  return text;
}
