import { readFileSync } from 'fs';

function readRaw(file: string): string {
  return readFileSync(file, 'utf8');
}

export function loadConfig(file: string): unknown {
  return JSON.parse(readRaw(file));
}
