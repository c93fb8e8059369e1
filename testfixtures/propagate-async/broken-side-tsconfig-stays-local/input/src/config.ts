import { readFileSync } from 'fs';

export function loadConfig(file: string): { name: string } {
  return JSON.parse(readFileSync(file, 'utf8'));
}
