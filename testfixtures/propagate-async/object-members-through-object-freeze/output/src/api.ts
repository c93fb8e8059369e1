import { readFile } from 'fs/promises';

// Object.freeze hands the object back: its methods are called by the project itself.
export const api = Object.freeze({
  async load(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  },
});

export async function size(file: string): Promise<number> {
  return (await api.load(file)).length;
}
