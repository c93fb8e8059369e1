import { statSync } from 'fs';

/** Not an array: its `map` may call the callback in any way, and ignore a returned promise. */
interface Mapper {
  map(fn: (file: string) => number): number[];
}

function sizeOf(file: string): number {
  return statSync(file).size;
}

export function sizes(mapper: Mapper | undefined): number[] {
  return mapper!.map((file) => sizeOf(file));
}
