import { readFile } from 'fs/promises';

export async function loadConfig(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export async function main(file: string): Promise<number> {
  return (await loadConfig(file)).length;
}
