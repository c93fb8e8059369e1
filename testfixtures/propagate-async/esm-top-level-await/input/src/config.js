import { readFileSync } from 'node:fs';

export function loadConfig(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
