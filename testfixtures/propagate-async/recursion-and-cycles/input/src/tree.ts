import { readdirSync, statSync } from 'fs';
import { join } from 'path';

/** Direct recursion. */
export function countFiles(dir: string): number {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    count += statSync(full).isDirectory() ? countFiles(full) : 1;
  }
  return count;
}

/** Mutual recursion: isEven and isOdd call each other; only isOdd touches the disk. */
export function isEven(dir: string, depth: number): boolean {
  return depth === 0 ? true : isOdd(dir, depth - 1);
}

export function isOdd(dir: string, depth: number): boolean {
  if (depth === 0) return statSync(dir).isFile();
  return isEven(dir, depth - 1);
}

/** A pure cycle without I/O stays as it is. */
export function ping(n: number): number {
  return n <= 0 ? 0 : pong(n - 1);
}

export function pong(n: number): number {
  return ping(n);
}
