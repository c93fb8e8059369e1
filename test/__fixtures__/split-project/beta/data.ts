import { readFileSync } from 'fs';

export function readRows(file: string): string[][] {
  return readFileSync(file, 'utf8').split('\n').map((line) => line.split(','));
}
