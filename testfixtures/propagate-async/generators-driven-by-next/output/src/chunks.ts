import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';

async function* chunks(files: string[]): AsyncGenerator<string> {
  for (const file of files) yield await readFile(file, 'utf8');
}

export async function firstChunk(files: string[]): Promise<string | undefined> {
  const it = chunks(files);
  const first = await it.next();
  await it.return(undefined);
  return first.done ? undefined : first.value;
}

export async function isEmpty(files: string[]): Promise<boolean> {
  return (await chunks(files).next()).done === true;
}

function* sizes(files: string[]): Generator<string> {
  for (const file of files) yield readFileSync(file, 'utf8');
}

// The iterator is used inside a callback: the generator stays sync (AM110).
export function drain(files: string[]): string[] {
  const it = sizes(files);
  return Array.from({ length: files.length }, () => String(it.next().value));
}
