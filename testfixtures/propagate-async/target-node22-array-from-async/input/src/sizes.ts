import { statSync } from 'fs';

function* sizes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).size;
}

export function allSizes(files: string[]): number[] {
  return Array.from(sizes(files));
}

// A spread that is the array literal's only element.
export function spreadSizes(files: string[]): number {
  const all = [...sizes(files)];
  return [...sizes(files)].length + all.length;
}

// A sync mapper: Array.fromAsync takes it too.
export function labels(files: string[]): string[] {
  return Array.from(sizes(files), (size, i) => `${i}: ${size}`);
}
