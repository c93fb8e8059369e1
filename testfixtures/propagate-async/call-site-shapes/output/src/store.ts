import { readFile } from 'node:fs/promises';

export async function readText(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export async function readJson(
  file: string
): Promise<{ name: string; run: () => void }> {
  return JSON.parse(await readFile(file, 'utf8'));
}

export async function makeReader(file: string): Promise<() => string> {
  const text = await readFile(file, 'utf8');
  return () => text;
}
