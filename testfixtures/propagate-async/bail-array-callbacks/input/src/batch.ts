import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

export function total(files: string[]): number {
  return files.map((f) => size(f)).reduce((a, b) => a + b, 0);
}
