import { readFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

const files = ['a.txt', 'b.txt'];

// Exported: the loop goes after the export, and the array gets its type (importers read it).
export const sizes: number[] = [];

for (const f of files) {
  sizes.push(await size(f));
}
let big = false;
for (const f of files) {
  if ((await size(f)) > 10) {
    big = true;
    break;
  }
}
console.log(big);
