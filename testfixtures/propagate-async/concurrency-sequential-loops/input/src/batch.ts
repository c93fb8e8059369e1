import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

export function sizes(files: string[]): number[] {
  const result = files.map((f) => size(f));
  return result;
}

export function nonEmpty(files: string[]): string[] {
  const kept = files.filter((f) => size(f) > 0);
  return kept;
}

export function indexed(files: string[]): string[] {
  const labels = files.map((f, i) => `${i}: ${size(f)}`);
  return labels;
}
