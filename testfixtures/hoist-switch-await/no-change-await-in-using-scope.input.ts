import { load, lock } from './loader';

export async function read(kind: 'a' | 'b', name: string) {
  if (kind === 'a') {
    using guard = lock(name);
    return await load(name, 'a');
  } else {
    return await load(name, 'b');
  }
}
