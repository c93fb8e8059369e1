import { readFileSync } from 'node:fs';

export function load(file: string): string {
  return readFileSync(file, 'utf8');
}
