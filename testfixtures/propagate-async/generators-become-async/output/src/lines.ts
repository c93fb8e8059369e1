import { readdir, readFile } from 'fs/promises';

export async function* readLines(dir: string): AsyncGenerator<string> {
  for (const name of await readdir(dir)) {
    yield* (await readFile(`${dir}/${name}`, 'utf8')).split('\n');
  }
}

export async function* nonEmpty(dir: string): AsyncGenerator<string> {
  yield* readLines(dir);
}

export class Catalog {
  async *entries(dir: string): AsyncIterableIterator<string> {
    for await (const line of nonEmpty(dir)) {
      if (line) yield line.trim();
    }
  }
}

export async function count(dir: string): Promise<number> {
  let n = 0;
  for await (const _ of new Catalog().entries(dir)) n++;
  return n;
}
