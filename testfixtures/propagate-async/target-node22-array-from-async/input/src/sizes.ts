import { statSync } from 'fs';

function* sizes(files: string[]): Generator<number> {
  for (const f of files) yield statSync(f).size;
}

export function allSizes(files: string[]): number[] {
  return Array.from(sizes(files));
}
