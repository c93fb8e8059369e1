import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

interface Entry {
  file: string;
  bytes: number;
}

// Read later in a closure: an untyped `[]` or `let hit;` would be an implicit any there.
export function lookup(files: string[]): (file: string) => Entry | undefined {
  const entries = files.map((file) => ({ file, bytes: size(file) }));
  return (file) => entries.find((e) => e.file === file);
}

export function firstEmpty(files: string[]): () => string {
  const hit = files.find((file) => size(file) === 0);
  return () => hit ?? 'none';
}

// A declared type is kept as written.
export function sizes(files: string[]): Array<number | null> {
  const out: Array<number | null> = files.map((file) => size(file));
  return out;
}
