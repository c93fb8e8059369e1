import { readFile } from 'node:fs/promises';

export async function readConfig(dev: boolean, local: boolean, root: string) {
  // one read, whichever file applies
  const text = dev ? await readFile(root + '/dev.json', 'utf8') : await readFile(root + '/prod.json', 'utf8');
  const extra = local
    ? await readFile(root + '/local.json', 'utf8')
    : dev
      ? await readFile(root + '/dev-extra.json', 'utf8')
      : await readFile(root + '/none.json', 'utf8');
  return [text, extra];
}
