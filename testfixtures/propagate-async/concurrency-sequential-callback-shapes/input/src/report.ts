import { lines, size } from './sizes';

export interface Entry {
  file: string;
  bytes: number;
}

export function entries(files: string[]): Entry[] {
  // A block body: each return pushes one entry.
  const result = files.map((file) => {
    const bytes = size(file);
    return { file, bytes };
  });
  return result;
}

export function labels(files: string[]): (string | undefined)[] {
  const out = files.map((file, i) => {
    if (!file) return;
    if (file.endsWith('.md')) {
      return `${i}: ${size(file)} (docs)`;
    }
    console.log(`skipped ${file}`);
  });
  return out;
}

export function bigOnes(files: string[]): string[] {
  return files.filter((file) => {
    if (file.startsWith('.')) return false;
    return size(file) > 1000;
  });
}

export function allLines(files: string[]): string[] {
  return files.flatMap((file) => lines(file));
}

export function pairs(files: string[]): (string | number)[] {
  const out = files.flatMap((file) => [file, size(file)]);
  return out;
}

export function hasEmpty(files: string[]): boolean {
  const found = files.some((file) => size(file) === 0);
  return found;
}

export function allSmall(files: string[]): boolean {
  return files.every((file) => size(file) < 100);
}

export function firstBig(files: string[]): string | undefined {
  const big = files.find((file) => size(file) > 1000);
  return big;
}

export function firstBigIndex(files: string[]): number {
  return files.findIndex((file) => size(file) > 1000);
}

export function lastBigIndex(files: string[]): number {
  return files.findLastIndex((file, i) => i > 0 && size(file) > 1000);
}

export class Index {
  sizes: number[] = [];

  refresh(files: string[]): void {
    // An assignment statement goes through a fresh temporary (mapped is taken).
    const mapped = files.length;
    this.sizes = files.map((file) => size(file));
    console.log(mapped);
  }
}

export function lengths(files: string[], fast: boolean): number[] {
  if (fast) return files.map((file) => file.length);
  if (files.length > 1) return files.map((file) => size(file));
  return [];
}

// A concise arrow body becomes a block that returns the loop's result.
export const sizesOf = (files: string[]): number[] => files.map((file) => size(file));
