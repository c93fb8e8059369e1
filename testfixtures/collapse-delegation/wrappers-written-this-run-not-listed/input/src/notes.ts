import { readFileSync } from 'fs';

// Becomes `async … return await readFile(…)` in this run: a wrapper the run wrote, not a candidate to report.
export function readNote(file: string): string {
  return readFileSync(file, 'utf8');
}

export async function printNote(file: string): Promise<void> {
  console.log(readNote(file));
}
