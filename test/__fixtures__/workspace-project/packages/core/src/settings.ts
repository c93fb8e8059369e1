import { readFileSync } from 'fs';

export interface Settings {
  name: string;
  retries: number;
}

export function readSettings(file: string): Settings {
  return JSON.parse(readFileSync(file, 'utf8')) as Settings;
}
