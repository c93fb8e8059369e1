import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';

export const banner = readFileSync('banner.txt', 'utf8');

export async function readBanner(): Promise<string> {
  return await readFile('banner.txt', 'utf8');
}
