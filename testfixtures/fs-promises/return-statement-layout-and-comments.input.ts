import { readFileSync, statSync } from 'fs';

export async function trimmed(p: string): Promise<string> {
  return (
    readFileSync(p, 'utf8')
      .trim()
  );
}

export async function size(p: string): Promise<number> {
  // the size in bytes
  return /* of the file */ statSync(p).size; // not blocks
}

export async function withCallback(paths: string[]): Promise<Array<string | Buffer>> {
  return paths.map((path) => {
    const trimmedPath = path.trim()
    return trimmedPath
  }).concat([readFileSync(paths[0])]);
}

export async function nested(p: string): Promise<() => Promise<number>> {
  return async () => {
    return statSync(p).size
  };
}
