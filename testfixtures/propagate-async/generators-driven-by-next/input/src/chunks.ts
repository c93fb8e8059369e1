import { readFileSync } from 'fs';

function* chunks(files: string[]): Generator<string> {
  for (const file of files) yield readFileSync(file, 'utf8');
}

export function firstChunk(files: string[]): string | undefined {
  const it = chunks(files);
  const first = it.next();
  it.return(undefined);
  return first.done ? undefined : first.value;
}

export function isEmpty(files: string[]): boolean {
  return chunks(files).next().done === true;
}

function* sizes(files: string[]): Generator<string> {
  for (const file of files) yield readFileSync(file, 'utf8');
}

// The iterator is used inside a callback: the generator stays sync (AM110).
export function drain(files: string[]): string[] {
  const it = sizes(files);
  return Array.from({ length: files.length }, () => String(it.next().value));
}
