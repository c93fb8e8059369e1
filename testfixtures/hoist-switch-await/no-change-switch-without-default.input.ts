import { load } from './loader';

export async function read(kind: 'a' | 'b', name: string) {
  switch (kind) {
    case 'a':
      return await load(name, 'a');
    case 'b':
      return await load(name, 'b');
  }
  return 'nothing to read';
}
