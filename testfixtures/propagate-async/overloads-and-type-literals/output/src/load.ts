import { readFile } from 'fs/promises';

export function load(file: string): Promise<string>;
export function load(file: string, parse: true): Promise<unknown>;
export async function load(file: string, parse?: boolean): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  return parse ? JSON.parse(text) : text;
}

export type Loader = {
  read(name: string): Promise<string>;
  size: (name: string) => Promise<number>;
};

export const diskLoader: Loader = {
  async read(name) {
    return load(name);
  },
  size: async (name) => (await load(name)).length,
};

export async function describeAll(loader: Loader, names: string[]): Promise<string> {
  let out = '';
  for (const name of names) out += `${await loader.read(name)} (${await loader.size(name)})\n`;
  return out;
}
