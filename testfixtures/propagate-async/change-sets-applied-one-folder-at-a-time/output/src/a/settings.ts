import { readFile } from 'fs/promises';

export async function readSettings(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export async function showSettings(): Promise<void> {
  console.log(await readSettings('settings.json'));
}
