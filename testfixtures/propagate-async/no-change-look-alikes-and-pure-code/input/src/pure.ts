import { parseSync } from './parser';

/** A local function named like an fs call is not one. */
function readFileSync(file: string): string {
  return `contents of ${file}`;
}

export function describe(file: string, fs: { statSync(p: string): { size: number } }): string {
  // `fs` is a parameter here, not the fs module.
  return `${readFileSync(file)} (${fs.statSync(file).size} bytes, ${parseSync(file)})`;
}

export function ping(n: number): number {
  return n <= 0 ? 0 : pong(n - 1);
}

export function pong(n: number): number {
  return ping(n);
}
