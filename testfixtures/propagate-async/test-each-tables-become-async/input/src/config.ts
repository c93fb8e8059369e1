import { readFileSync } from 'fs';

export function loadPort(file: string): number {
  return JSON.parse(readFileSync(file, 'utf8')).port;
}
