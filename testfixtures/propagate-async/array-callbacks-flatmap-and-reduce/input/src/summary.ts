import { linesOf } from './lines';

export function allLines(files: string[]): string[] {
  // flatMap flattens one level: each file gives its lines.
  return files.flatMap((f) => linesOf(f));
}

export function lineCount(files: string[]): number {
  const count = files.reduce((n, f) => n + linesOf(f).length, 0);
  return count;
}

export function firstLines(files: string[]): Record<string, string> {
  const table: Record<string, string> = files.reduce((acc: Record<string, string>, file, i) => {
    return { ...acc, [`${i}:${file}`]: linesOf(file)[0] };
  }, {});
  return table;
}
