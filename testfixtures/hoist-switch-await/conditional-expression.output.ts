import { readFile } from 'node:fs/promises';

export async function readConfig(dev: boolean, local: boolean, root: string) {
  // one read, whichever file applies
  const text = await readFile(dev ? root + '/dev.json' : root + '/prod.json', 'utf8');
  const extra = await readFile(
    local ? root + '/local.json' : dev ? root + '/dev-extra.json' : root + '/none.json',
    'utf8'
  );
  return [text, extra];
}
