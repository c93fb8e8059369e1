import { load } from './loader';

export async function read(queue: string[], name: string) {
  return queue.shift() === 'a' ? await load(name, 'a') : await load(name, 'b');
}
