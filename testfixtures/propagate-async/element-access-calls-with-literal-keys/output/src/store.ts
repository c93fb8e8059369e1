import { readFile } from 'fs/promises';

const KEY = 'load';

export class Store {
  async load(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  }

  async loadTrimmed(file: string): Promise<string> {
    return (await this['load'](file)).trim();
  }

  async loadByConstant(file: string): Promise<string> {
    return this[KEY](file);
  }
}

export const loaders = {
  async json(file: string): Promise<unknown> {
    return JSON.parse(await readFile(file, 'utf8'));
  },
  text: async (file: string): Promise<string> => await readFile(file, 'utf8'),
};

export async function loadEither(
  file: string,
  asJson: boolean
): Promise<unknown> {
  const kind = asJson ? 'json' : 'text';
  const value = await loaders[kind](file);
  return value;
}
