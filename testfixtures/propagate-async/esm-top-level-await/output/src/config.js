import { readFile } from 'node:fs/promises';

export async function loadConfig(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}
