import { readdir, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function listDir(dir) {
  return (await readdir(dir)).map((name) => join(dir, name));
}

async function sizeOf(file) {
  return (await stat(file)).size;
}

// Untyped parameters: every call passes an array.
async function totalSize(files) {
  let total = 0;
  for (const file of files) {
    total = total + (await sizeOf(file));
  }
  return total;
}

async function addSize(sum, file) {
  return sum + (await sizeOf(file));
}

// The reduce callback returns the call itself: inlined into the loop, it is awaited.
async function totalSizeOf(files) {
  let total = 0;
  for (const file of files) {
    total = await addSize(total, file);
  }
  return total;
}

async function printSizes(files) {
  for (const file of files) {
    console.log(file, await sizeOf(file));
  }
}

async function* lines(files) {
  for (const file of files) yield* (await readFile(file, 'utf8')).split('\n');
}

export async function allLines(dir) {
  const found = [];
  for await (const item of lines(await listDir(dir))) {
    found.push(item);
  }
  return found.filter((line) => line.length > 0);
}

export async function report(dir) {
  const files = await listDir(dir);
  await printSizes(files);
  return (await totalSize(files)) === (await totalSizeOf(files)) ? await totalSize(files) : -1;
}
