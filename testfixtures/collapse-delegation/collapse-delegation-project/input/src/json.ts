import { promises as fsp } from 'fs';

export async function readJson(p: string): Promise<unknown> {
  return JSON.parse(await fsp.readFile(p, 'utf8'));
}
