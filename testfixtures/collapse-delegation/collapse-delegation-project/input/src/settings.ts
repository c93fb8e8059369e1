import * as fs from 'fs';

/** Sync today: propagate-async makes it async (the sync fs call is the seed). */
export function readSettings(p: string): string {
  return fs.readFileSync(p, 'utf8');
}
