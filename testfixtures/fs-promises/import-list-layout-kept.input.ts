import {
  readFile,
} from 'node:fs/promises';
import { readFileSync, statSync,
  writeFileSync, type Stats } from 'node:fs';
import {
  existsSync,
  mkdirSync,
  readdirSync,
} from 'node:fs';

export const syncApi = [statSync, mkdirSync];

export async function copyIfPresent(from: string, to: string): Promise<Stats | undefined> {
  if (!existsSync(from)) return undefined;
  writeFileSync(to, readFileSync(from));
  console.log(readdirSync(to), await readFile(to));
  return undefined;
}
