import { promises as fsp } from 'fs';

/** Not async: throws synchronously on an empty path, before any promise exists. */
export function readText(p: string): Promise<string> {
  if (p === '') throw new Error('empty path');
  return fsp.readFile(p, 'utf8');
}
