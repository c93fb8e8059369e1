import { statSync } from 'fs';

function* sizes(files: string[]) {
  for (const f of files) yield statSync(f).size;
}

export function total(files: string[]): number {
  return [...sizes(files)].reduce((a, b) => a + b, 0);
}
