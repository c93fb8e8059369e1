import { stat } from 'fs/promises';

// A sync fs call anywhere makes the run plan the project (a stray await alone does not: see docs).
export async function size(file: string): Promise<number> {
  return (await stat(file)).size;
}
