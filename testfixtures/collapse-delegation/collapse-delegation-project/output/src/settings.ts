import { readFile } from 'fs/promises';

/** Sync today: propagate-async makes it async (the sync fs call is the seed). */
export async function readSettings(p: string): Promise<string> {
  return await readFile(p, 'utf8');
}
