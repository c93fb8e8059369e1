import { readRaw } from './internal';

export async function loadNotes(file: string): Promise<string[]> {
  return (await readRaw(file)).split('\n');
}
