import { readFileSync, writeFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

function save(file: string, text: string): void {
  writeFileSync(file, text);
}

export function sizes(files: string[]): number[] {
  return files.map((f) => size(f));
}

export function saveAll(files: string[], texts: string[]): void {
  // Save every file that has text.
  files.forEach((file, i) => {
    if (!texts[i]) return;
    save(file, texts[i]);
  });
  files.forEach((file: string) => save(`${file}.bak`, ''));
}

export function total(files: string[]): number {
  return files.map((f) => size(f)).reduce((a, b) => a + b, 0);
}

export function nonEmpty(files: string[]): string[] {
  return files.filter((f) => size(f) > 0);
}

export function anyEmpty(files: string[]): boolean {
  return files.some((f, i) => i > 0 && size(f) === 0);
}
