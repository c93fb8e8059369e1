import { readFile } from 'node:fs/promises';

type Format = 'json' | 'text';

export async function loadSettings(format: Format, dir: string): Promise<string> {
  switch (format) {
    case 'json':
      return await readFile(`${dir}/settings.json`, 'utf8');
    case 'text':
      return await readFile(`${dir}/settings.txt`, 'utf8');
    default:
      return await readFile(`${dir}/settings.default`, 'utf8');
  }
}

// Not hoistable: the arms await different callees.
export async function loadAny(format: Format, dir: string): Promise<string> {
  switch (format) {
    case 'json':
      return await readFile(`${dir}/settings.json`, 'utf8');
    default:
      return await Promise.resolve(dir);
  }
}
