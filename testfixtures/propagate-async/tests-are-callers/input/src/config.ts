import { existsSync, readFileSync } from 'fs';

export function loadConfig(file: string): { port: number } {
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
