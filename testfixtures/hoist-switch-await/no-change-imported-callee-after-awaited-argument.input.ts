import { readFile } from 'node:fs/promises';

// readFile is a live binding: while `await locate(…)` suspends, it could be replaced (a test mock, a
// module that reassigns its export), so reading it after the suspension instead of before is refused.
export async function read(kind: 'config' | 'data', root: string) {
  switch (kind) {
    case 'config':
      return await readFile(await locate(root, 'config.json'), 'utf8');
    case 'data':
      return await readFile(await locate(root, 'data.json'), 'utf8');
    default:
      throw new Error(kind);
  }
}

declare function locate(root: string, name: string): Promise<string>;
