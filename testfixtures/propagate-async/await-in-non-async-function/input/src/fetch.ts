import { readFile } from 'fs/promises';

// Someone added an await without making the function async (TS1308): propagate-async finishes the job.
export function readName(file: string): string {
  const text = await readFile(file, 'utf8');
  return text.trim();
}

export function greeting(file: string): string {
  return `Hello, ${readName(file)}`;
}
