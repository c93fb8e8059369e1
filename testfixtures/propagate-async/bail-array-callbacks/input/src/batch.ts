import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

function big(file: string): boolean {
  return readFileSync(file).length > 1000;
}

export function total(files: string[]): number {
  let sum = 0;
  // A forEach whose callback returns a value cannot become a loop.
  files.forEach((f) => {
    if (!f) return 0;
    sum += size(f);
    return sum;
  });
  return sum;
}

export function bigTotal(files: string[]): number {
  // reduce threads a value through its callbacks: not restructured.
  return files.reduce((sum, f) => (big(f) ? sum + 1 : sum), 0);
}
