import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listDir(dir) {
  return readdirSync(dir).map((name) => join(dir, name));
}

function sizeOf(file) {
  return statSync(file).size;
}

// Untyped parameters: every call passes an array.
function totalSize(files) {
  const total = files.reduce((sum, file) => sum + sizeOf(file), 0);
  return total;
}

function addSize(sum, file) {
  return sum + sizeOf(file);
}

// The reduce callback returns the call itself: inlined into the loop, it is awaited.
function totalSizeOf(files) {
  const total = files.reduce((sum, file) => addSize(sum, file), 0);
  return total;
}

function printSizes(files) {
  files.forEach((file) => {
    console.log(file, sizeOf(file));
  });
}

function* lines(files) {
  for (const file of files) yield* readFileSync(file, 'utf8').split('\n');
}

export function allLines(dir) {
  const found = [...lines(listDir(dir))];
  return found.filter((line) => line.length > 0);
}

export function report(dir) {
  const files = listDir(dir);
  printSizes(files);
  return totalSize(files) === totalSizeOf(files) ? totalSize(files) : -1;
}
