import * as lib from './lib';
import { lines, text } from './lib';
import readLinesDefault from './lib/io';

export function viaNamespace(file: string) {
  return lib.readText(file).length;
}

export function viaAlias(file: string) {
  return text(file).length + lines(file).length;
}

export function viaDefault(file: string) {
  return readLinesDefault(file)[0];
}

export function shadowed(file: string) {
  // A local function with the same name is not the fs-reading one.
  const readText = (f: string) => f.toUpperCase();
  return readText(file).length;
}
