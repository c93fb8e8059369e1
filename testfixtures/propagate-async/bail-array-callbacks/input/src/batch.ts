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
  // reduce outside a declaration of its own (here, returned): not restructured.
  return files.reduce((sum, f) => (big(f) ? sum + 1 : sum), 0);
}

function firstLine(file: string): string {
  return readFileSync(file, 'utf8').split('\n')[0];
}

function lastLine(file: string): string {
  return readFileSync(file, 'utf8').split('\n').pop() ?? '';
}

export function longestHeader(files: string[]): string {
  // Without an initial value, reduce starts from the first item: not restructured.
  const best = files.reduce((a, f) => (firstLine(f).length > a.length ? firstLine(f) : a));
  return best;
}

export function footers(files: string[]): string {
  // reduceRight is not restructured either.
  const text = files.reduceRight((acc, f) => acc + lastLine(f), '');
  return text;
}
