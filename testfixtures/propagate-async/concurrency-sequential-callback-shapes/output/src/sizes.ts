import { readFile } from 'fs/promises';

export async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

export async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n');
}
