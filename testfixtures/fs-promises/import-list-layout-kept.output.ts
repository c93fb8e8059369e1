import {
  readFile,
  access,
  writeFile,
  readdir,
} from 'node:fs/promises';
import { statSync,
  type Stats } from 'node:fs';
import {
  mkdirSync,
} from 'node:fs';

export const syncApi = [statSync, mkdirSync];

export async function copyIfPresent(from: string, to: string): Promise<Stats | undefined> {
  if (!(await access(from).then(() => true, () => false))) return undefined;
  await writeFile(to, await readFile(from));
  console.log(await readdir(to), await readFile(to));
  return undefined;
}
