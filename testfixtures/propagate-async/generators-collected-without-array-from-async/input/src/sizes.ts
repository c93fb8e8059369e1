import { statSync } from 'fs';

function* sizes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).size;
}

export function allSizes(files: string[]): number[] {
  return Array.from(sizes(files));
}

export function total(files: string[]): number {
  const all = [...sizes(files)];
  let sum = 0;
  for (const size of all) sum += size;
  return sum;
}

export class Report {
  sizes: number[] = [];

  refresh(files: string[]): void {
    if (files.length > 0) this.sizes = [...sizes(files)];
  }
}

export const collect = (files: string[]) => [...sizes(files)];
