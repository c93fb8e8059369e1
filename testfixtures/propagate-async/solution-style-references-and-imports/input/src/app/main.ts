// `#utils` resolves to src/utils/index.ts only under the `source` condition of the sub-projects.
import { load } from '#utils';

export function size(file: string): number {
  const s = load(file);
  return s.length;
}

export async function main(): Promise<void> {
  console.log(size('notes.txt'));
}
