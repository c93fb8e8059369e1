import { readFile } from 'node:fs/promises';

type Format = 'json' | 'yaml' | 'text';

/** Load a settings file in the given format. */
export async function loadSettings(format: Format, dir: string): Promise<string> {
  switch (format) {
    case 'json':
      return await readFile(`${dir}/settings.json`, 'utf8');
    case 'yaml':
      // YAML files are written by the ops team in Latin-1
      return await readFile(`${dir}/settings.yaml`, 'latin1');
    case 'text':
      return await readFile(`${dir}/settings.txt`, 'utf8');
    default:
      throw new Error(`unknown settings format: ${format}`);
  }
}
