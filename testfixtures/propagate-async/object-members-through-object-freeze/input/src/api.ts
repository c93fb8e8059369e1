import { readFileSync } from 'fs';

// Object.freeze hands the object back: its methods are called by the project itself.
export const api = Object.freeze({
  load(file: string): string {
    return readFileSync(file, 'utf8');
  },
});

export function size(file: string): number {
  return api.load(file).length;
}
