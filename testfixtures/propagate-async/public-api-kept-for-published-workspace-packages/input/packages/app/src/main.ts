import { readFileSync } from 'fs';

export function loadConfig(file: string): string {
  return readFileSync(file, 'utf8');
}

export function main(file: string): number {
  return loadConfig(file).length;
}
