import { readFileSync } from 'fs';

const KEY = 'load';

export class Store {
  load(file: string): string {
    return readFileSync(file, 'utf8');
  }

  loadTrimmed(file: string): string {
    return this['load'](file).trim();
  }

  loadByConstant(file: string): string {
    return this[KEY](file);
  }
}

export const loaders = {
  json(file: string): unknown {
    return JSON.parse(readFileSync(file, 'utf8'));
  },
  text: (file: string): string => readFileSync(file, 'utf8'),
};

export function loadEither(file: string, asJson: boolean): unknown {
  const kind = asJson ? 'json' : 'text';
  const value = loaders[kind](file);
  return value;
}
