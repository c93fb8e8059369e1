import { readFile } from 'fs/promises';

export async function readRaw(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

async function readText(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

// Not exported by the package's entry point.
export async function countNotes(file: string): Promise<number> {
  return (await readText(file)).split('\n').length;
}
