import { readFile } from 'fs/promises';

/** Exported for the package's own use, not from its entry point: it may change. */
export async function readText(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
