import { load } from './loader';

export async function read(kind: 'a' | 'b', name: string) {
  switch (kind) {
    case 'a':
      return await load(name.toLowerCase(), 'a');
    case 'b':
      return await load(name.toUpperCase(), 'a');
    default:
      throw new Error(kind);
  }
}
