import { readFile, stat } from 'fs/promises';

export async function trimmed(p: string): Promise<string> {
  return (
    (await readFile(p, 'utf8'))
      .trim()
  );
}

export async function size(p: string): Promise<number> {
  // the size in bytes
  return /* of the file */ (await stat(p)).size; // not blocks
}

export async function withCallback(paths: string[]): Promise<Array<string | Buffer>> {
  return paths.map((path) => {
    const trimmedPath = path.trim()
    return trimmedPath
  }).concat([await readFile(paths[0])]);
}

export async function nested(p: string): Promise<() => Promise<number>> {
  return async () => {
    return (await stat(p)).size
  };
}
