import { readFileSync } from 'fs';

export function size(file: string): number {
  return readFileSync(file).length;
}

export function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
