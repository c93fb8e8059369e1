import { readFileSync } from 'fs';

export function readLog(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
