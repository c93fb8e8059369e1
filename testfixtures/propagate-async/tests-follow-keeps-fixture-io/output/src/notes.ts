import { readFile } from 'fs/promises';

export async function loadNotes(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n');
}
