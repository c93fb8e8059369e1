import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

// With strictNullChecks but not noImplicitAny, `[]` is a never[]: the loop's array gets its type.
export function sizes(files: string[]): number[] {
  return files.map((file) => size(file));
}

export function nonEmpty(files: string[]): string[] {
  const kept = files.filter((file) => size(file) > 0);
  return kept;
}
