import { readFile } from 'fs/promises';

export async function loadPort(file: string): Promise<number> {
  return JSON.parse(await readFile(file, 'utf8')).port;
}
