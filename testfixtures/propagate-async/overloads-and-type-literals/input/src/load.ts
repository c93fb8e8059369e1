import { readFileSync } from 'fs';

export function load(file: string): string;
export function load(file: string, parse: true): unknown;
export function load(file: string, parse?: boolean): unknown {
  const text = readFileSync(file, 'utf8');
  return parse ? JSON.parse(text) : text;
}

export type Loader = {
  read(name: string): string;
  size: (name: string) => number;
};

export const diskLoader: Loader = {
  read(name) {
    return load(name);
  },
  size: (name) => load(name).length,
};

export function describeAll(loader: Loader, names: string[]): string {
  let out = '';
  for (const name of names) out += `${loader.read(name)} (${loader.size(name)})\n`;
  return out;
}
