import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

// Read once at startup: reported (low) but not counted against the score.
export const defaults = JSON.parse(readFileSync(new URL('./defaults.json', import.meta.url), 'utf8'));

export async function loadOverrides(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}
