import * as fs from 'fs';

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export default function readLines(file: string): string[] {
  return readText(file).split('\n');
}
