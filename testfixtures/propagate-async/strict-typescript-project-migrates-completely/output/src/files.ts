import { readdir, stat, readFile } from 'fs/promises';
import { join } from 'path';

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).map((name) => join(dir, name));
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

// The receiver is an array through a conditional in parentheses.
export async function sizesOf(fileOrFiles: string | string[]): Promise<number[]> {
  return await Promise.all(
    (Array.isArray(fileOrFiles) ? fileOrFiles : [fileOrFiles]).map(async (file) => sizeOf(file))
  );
}

export async function totalSize(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    total = total + (await sizeOf(file));
  }
  return total;
}

export async function printSizes(files: readonly string[]): Promise<void> {
  for (const file of files) {
    console.log(file, await sizeOf(file));
  }
}

async function* lines(files: string[]): AsyncGenerator<string> {
  for (const file of files) yield* (await readFile(file, 'utf8')).split('\n');
}

export async function allLines(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const item of lines(await listDir(dir))) {
    found.push(item);
  }
  return found.filter((line) => line.length > 0);
}
