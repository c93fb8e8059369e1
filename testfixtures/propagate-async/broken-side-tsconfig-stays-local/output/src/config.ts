import { readFile } from 'fs/promises';

export async function loadConfig(file: string): Promise<{ name: string }> {
  return JSON.parse(await readFile(file, 'utf8'));
}
