import { readdir, stat } from 'fs/promises';
import { join } from 'path';

/** Direct recursion. */
export async function countFiles(dir: string): Promise<number> {
  let count = 0;
  for (const name of await readdir(dir)) {
    const full = join(dir, name);
    count += (await stat(full)).isDirectory() ? await countFiles(full) : 1;
  }
  return count;
}

/** Mutual recursion: isEven and isOdd call each other; only isOdd touches the disk. */
export async function isEven(dir: string, depth: number): Promise<boolean> {
  return depth === 0 ? true : await isOdd(dir, depth - 1);
}

export async function isOdd(dir: string, depth: number): Promise<boolean> {
  if (depth === 0) return (await stat(dir)).isFile();
  return isEven(dir, depth - 1);
}

/** A pure cycle without I/O stays as it is. */
export function ping(n: number): number {
  return n <= 0 ? 0 : pong(n - 1);
}

export function pong(n: number): number {
  return ping(n);
}
