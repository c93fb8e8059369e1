import { readFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

interface Entry {
  file: string;
  bytes: number;
}

// Read later in a closure: an untyped `[]` or `let hit;` would be an implicit any there.
export async function lookup(files: string[]): Promise<(file: string) => Entry | undefined> {
  const entries: { file: string; bytes: number; }[] = [];
  for (const file of files) {
    entries.push({
      file,
      bytes: await size(file)
    });
  }
  return (file) => entries.find((e) => e.file === file);
}

export async function firstEmpty(files: string[]): Promise<() => string> {
  let hit: string | undefined;
  for (const file of files) {
    if ((await size(file)) === 0) {
      hit = file;
      break;
    }
  }
  return () => hit ?? 'none';
}

// A declared type is kept as written.
export async function sizes(files: string[]): Promise<Array<number | null>> {
  const out: Array<number | null> = [];
  for (const file of files) {
    out.push(await size(file));
  }
  return out;
}
