import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

export function listDir(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name));
}

function sizeOf(file: string): number {
  return statSync(file).size;
}

// The receiver is an array through a conditional in parentheses.
export function sizesOf(fileOrFiles: string | string[]): number[] {
  return (Array.isArray(fileOrFiles) ? fileOrFiles : [fileOrFiles]).map((file) => sizeOf(file));
}

export function totalSize(files: string[]): number {
  const total = files.reduce((sum, file) => sum + sizeOf(file), 0);
  return total;
}

export function printSizes(files: readonly string[]): void {
  files.forEach((file) => {
    console.log(file, sizeOf(file));
  });
}

function* lines(files: string[]): Generator<string> {
  for (const file of files) yield* readFileSync(file, 'utf8').split('\n');
}

export function allLines(dir: string): string[] {
  const found = [...lines(listDir(dir))];
  return found.filter((line) => line.length > 0);
}
