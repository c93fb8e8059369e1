import { statSync } from 'fs';

function* sizes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).size;
}

function* modes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).mode;
}

function* names(files: string[]): Generator<string> {
  for (const f of files) if (statSync(f).isFile()) yield f;
}

// The array is used inside an expression: no statement can hold the loop in its place.
export function total(files: string[]): number {
  return [...sizes(files)].reduce((a, b) => a + b, 0);
}

// A mapper: without Array.fromAsync, only Array.from(gen()) alone becomes a loop.
export function labels(files: string[]): string[] {
  return Array.from(modes(files), (mode) => mode.toString(8));
}

// Destructured.
export function first(files: string[]): string | undefined {
  const [name] = [...names(files)];
  return name;
}
