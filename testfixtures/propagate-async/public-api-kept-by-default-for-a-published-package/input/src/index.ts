import { readRaw } from './internal';

export function loadNotes(file: string): string[] {
  return readRaw(file).split('\n');
}
