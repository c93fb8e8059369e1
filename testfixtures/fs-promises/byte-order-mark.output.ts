import { readFile } from 'fs/promises';

export async function read(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
