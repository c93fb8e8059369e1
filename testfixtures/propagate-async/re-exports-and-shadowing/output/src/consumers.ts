import * as lib from './lib';
import { lines, text } from './lib';
import readLinesDefault from './lib/io';

export async function viaNamespace(file: string) {
  return (await lib.readText(file)).length;
}

export async function viaAlias(file: string) {
  return (await text(file)).length + (await lines(file)).length;
}

export async function viaDefault(file: string) {
  return (await readLinesDefault(file))[0];
}

export function shadowed(file: string) {
  // A local function with the same name is not the fs-reading one.
  const readText = (f: string) => f.toUpperCase();
  return readText(file).length;
}
