import { readFile } from 'fs/promises';
import { loadUpper, type Loader } from './loaders';

export async function withLoader(load: Loader, file: string): Promise<number> {
  return (await load(file)).length;
}

export async function main(): Promise<number> {
  return (await withLoader(async (f) => await readFile(f, 'latin1'), 'x')) + (await withLoader(loadUpper, 'y'));
}
