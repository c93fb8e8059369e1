import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function listJson(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => path.extname(name) === '.json');
}
