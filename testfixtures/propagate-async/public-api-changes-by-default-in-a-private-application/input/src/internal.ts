import { readFileSync } from 'fs';

export function readRaw(file: string): string {
  return readFileSync(file, 'utf8');
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

// Not exported by the package's entry point.
export function countNotes(file: string): number {
  return readText(file).split('\n').length;
}
