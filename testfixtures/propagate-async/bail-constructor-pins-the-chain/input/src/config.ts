import { readFileSync } from 'fs';

function readRaw(file: string): string {
  return readFileSync(file, 'utf8');
}

export function loadConfig(file: string): { port: number } {
  return JSON.parse(readRaw(file));
}
