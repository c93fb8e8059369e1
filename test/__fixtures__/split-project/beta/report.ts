import { readRows } from './data';

export function countRows(file: string): number {
  return readRows(file).length;
}
