import { readFileSync } from 'fs';
import { loadUpper, type Loader } from './loaders';

export function withLoader(load: Loader, file: string): number {
  return load(file).length;
}

export function main(): number {
  return withLoader((f) => readFileSync(f, 'latin1'), 'x') + withLoader(loadUpper, 'y');
}
