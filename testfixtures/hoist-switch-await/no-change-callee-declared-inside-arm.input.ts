import { load } from './loader';

export async function read(kind: 'a' | 'b', name: string) {
  switch (kind) {
    case 'a': {
      // a local helper with the same name as the import
      const load = (n: string, f: string) => Promise.resolve(n + f);
      return await load(name, 'a');
    }
    case 'b':
      return await load(name, 'b');
    default:
      throw new Error(kind);
  }
}
