import { readFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

// With strictNullChecks but not noImplicitAny, `[]` is a never[]: the loop's array gets its type.
export async function sizes(files: string[]): Promise<number[]> {
  const mapped: number[] = [];
  for (const file of files) {
    mapped.push(await size(file));
  }
  return mapped;
}

export async function nonEmpty(files: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    if ((await size(file)) > 0) {
      kept.push(file);
    }
  }
  return kept;
}
