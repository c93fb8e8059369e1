import { statSync } from 'fs';

function sizeOf(file: string): number {
  return statSync(file).size;
}

// The receivers have no name, but the checker types them as arrays: the callbacks are restructured.
export function sizes(input: string | string[]): number[] {
  const files = (Array.isArray(input) ? input : [input]).map((file) => sizeOf(file));
  return files;
}

export function listed(value: unknown): number[] {
  const found = (value as string[]).map((file) => sizeOf(file));
  return found;
}

export function printAll(files: string[] | undefined): void {
  files!.forEach((file) => {
    console.log(file, sizeOf(file));
  });
}
