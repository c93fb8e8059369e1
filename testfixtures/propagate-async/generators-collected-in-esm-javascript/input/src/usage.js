import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function listFiles(dir) {
  return [...walk(dir)];
}

export function largest(dir) {
  const files = Array.from(walk(dir));
  let best;
  for (const file of files) if (!best || statSync(file).size > statSync(best).size) best = file;
  return best;
}

export const count = (dir) => Array.from(walk(dir));
