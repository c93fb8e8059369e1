import { readFile } from 'node:fs/promises';

// readFile is imported: only the project analysis can vouch for it.
export async function readText(path: string): Promise<string> {
  return await readFile(path, 'utf8');
}
