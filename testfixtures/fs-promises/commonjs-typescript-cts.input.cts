import { readFileSync } from 'fs';

export const banner = readFileSync('banner.txt', 'utf8');

export async function readBanner(): Promise<string> {
  return readFileSync('banner.txt', 'utf8');
}
