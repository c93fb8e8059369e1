import { load } from './loader';

export async function read(kind: 'a' | 'b', name: string, skip: boolean): Promise<string | undefined> {
  let result: string | undefined;
  switch (kind) {
    case 'a':
      if (skip) break;
      return await load(name, 'a');
    case 'b':
      return await load(name, 'b');
    default:
      throw new Error(kind);
  }
  return result;
}
