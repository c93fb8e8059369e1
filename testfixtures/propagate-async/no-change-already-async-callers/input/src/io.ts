import { readFile } from 'fs/promises';

export async function load(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

export async function loadBoth(a: string, b: string): Promise<string[]> {
  return Promise.all([load(a), load(b)]);
}

export function loadLater(file: string): Promise<number> {
  return load(file).then((text) => text.length);
}
