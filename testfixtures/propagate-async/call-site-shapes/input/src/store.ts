import * as fs from 'node:fs';

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export function readJson(file: string): { name: string; run: () => void } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function makeReader(file: string): () => string {
  const text = fs.readFileSync(file, 'utf8');
  return () => text;
}
