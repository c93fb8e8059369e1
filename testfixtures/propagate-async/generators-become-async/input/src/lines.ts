import { readdirSync, readFileSync } from 'fs';

export function* readLines(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    yield* readFileSync(`${dir}/${name}`, 'utf8').split('\n');
  }
}

export function* nonEmpty(dir: string): Generator<string> {
  yield* readLines(dir);
}

export class Catalog {
  *entries(dir: string): IterableIterator<string> {
    for (const line of nonEmpty(dir)) {
      if (line) yield line.trim();
    }
  }
}

export function count(dir: string): number {
  let n = 0;
  for (const _ of new Catalog().entries(dir)) n++;
  return n;
}
