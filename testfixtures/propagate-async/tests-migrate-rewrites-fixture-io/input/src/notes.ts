import { readFileSync } from 'fs';

export function loadNotes(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
