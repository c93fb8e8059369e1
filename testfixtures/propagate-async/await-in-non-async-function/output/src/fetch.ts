import { readFile } from 'fs/promises';

// Someone added an await without making the function async (TS1308): propagate-async finishes the job.
export async function readName(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  return text.trim();
}

export async function greeting(file: string): Promise<string> {
  return `Hello, ${await readName(file)}`;
}
