import { readFile } from 'fs/promises';

// Becomes `async … return await readFile(…)` in this run: a wrapper the run wrote, not a candidate to report.
export async function readNote(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export async function printNote(file: string): Promise<void> {
  console.log(await readNote(file));
}
