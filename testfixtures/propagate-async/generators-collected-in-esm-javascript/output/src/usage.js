import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

async function* walk(dir) {
  for (const name of await readdir(dir)) {
    const full = join(dir, name);
    if ((await stat(full)).isDirectory()) yield* walk(full);
    else yield full;
  }
}

export async function listFiles(dir) {
  const items = [];
  for await (const item of walk(dir)) {
    items.push(item);
  }
  return items;
}

export async function largest(dir) {
  const files = [];
  for await (const item of walk(dir)) {
    files.push(item);
  }
  let best;
  for (const file of files) if (!best || (await stat(file)).size > (await stat(best)).size) best = file;
  return best;
}

export const count = async (dir) => {
  const items2 = [];
  for await (const item of walk(dir)) {
    items2.push(item);
  }
  return items2;
};
