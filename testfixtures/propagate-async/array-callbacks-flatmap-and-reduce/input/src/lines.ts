import { readFileSync } from 'fs';

export function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
