import { readFile } from 'node:fs/promises';

export async function load(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
