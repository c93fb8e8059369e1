import { statSync } from 'fs';

function* sizes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).size;
}

function* names(files: string[]): Generator<string> {
  for (const f of files) if (statSync(f).isFile()) yield f;
}

function* modes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).mode;
}

// Spread among other elements: Array.fromAsync cannot stand for the literal.
export function withTotal(files: string[]): number[] {
  return [0, ...sizes(files)];
}

// Spread into call arguments.
export function largest(files: string[]): number {
  return Math.max(...modes(files));
}

// A mapper that returns a promise: Array.fromAsync would await it, Array.from keeps it.
export function pending(files: string[]): Promise<string>[] {
  return Array.from(names(files), (name) => Promise.resolve(name));
}
