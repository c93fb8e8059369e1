import { readdirSync } from 'fs';

function listEntries(dir: string): string[] {
  return readdirSync(dir);
}

export function cacheSize(dir: string): number {
  return listEntries(dir).length;
}
