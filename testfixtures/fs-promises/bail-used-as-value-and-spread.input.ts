import * as fs from 'fs';
import { readFileSync } from 'fs';

export async function readAll(files: string[], args: [string, BufferEncoding]) {
  const texts = files.map(fs.readFileSync);
  const reader = readFileSync;
  const one = fs.readFileSync(...args);
  return { texts, reader, one, kind: typeof fs.readFileSync };
}
