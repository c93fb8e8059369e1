import { load } from './loader';

export async function read(kind: 'a' | 'b', name: string) {
  switch (kind) {
    case 'a':
      try {
        return await load(name, 'a');
      } catch {
        return '';
      }
    case 'b':
      return await load(name, 'b');
    default:
      throw new Error(kind);
  }
}
