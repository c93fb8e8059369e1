// `#utils` resolves to src/utils/index.ts only under the `source` condition of the sub-projects.
import { load } from '#utils';

export async function size(file: string): Promise<number> {
  const s = await load(file);
  return s.length;
}

export async function main(): Promise<void> {
  console.log(await size('notes.txt'));
}
