import { linesOf } from './lines';

export async function allLines(files: string[]): Promise<string[]> {
  // flatMap flattens one level: each file gives its lines.
  return (await Promise.all(files.map(async (f) => linesOf(f)))).flat();
}

export async function lineCount(files: string[]): Promise<number> {
  let count = 0;
  for (const f of files) {
    count = count + (await linesOf(f)).length;
  }
  return count;
}

export async function firstLines(files: string[]): Promise<Record<string, string>> {
  let table: Record<string, string> = {};
  for (const [i, file] of files.entries()) {
    table = { ...table, [`${i}:${file}`]: (await linesOf(file))[0] };
  }
  return table;
}
