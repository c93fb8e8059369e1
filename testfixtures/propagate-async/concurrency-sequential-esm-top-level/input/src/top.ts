import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

const files = ['a.txt', 'b.txt'];

// Exported: the loop goes after the export, and the array gets its type (importers read it).
export const sizes = files.map((f) => size(f));

const big = files.some((f) => size(f) > 10);
console.log(big);
