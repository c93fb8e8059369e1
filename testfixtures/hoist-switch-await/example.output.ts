import { readFile } from 'node:fs/promises';

type Format = 'json' | 'yaml' | 'text';

/** Load a settings file in the given format. */
export async function loadSettings(format: Format, dir: string): Promise<string> {
  let readFileArg1: string;
  let readFileArg2: 'utf8' | 'latin1';
  switch (format) {
    case 'json':
      readFileArg1 = `${dir}/settings.json`;
      readFileArg2 = 'utf8';
      break;
    case 'yaml':
      // YAML files are written by the ops team in Latin-1
      readFileArg1 = `${dir}/settings.yaml`;
      readFileArg2 = 'latin1';
      break;
    case 'text':
      readFileArg1 = `${dir}/settings.txt`;
      readFileArg2 = 'utf8';
      break;
    default:
      throw new Error(`unknown settings format: ${format}`);
  }
  return await readFile(readFileArg1, readFileArg2);
}
