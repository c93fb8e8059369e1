import { readFileSync, existsSync } from 'fs';

export function readConfig(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '{}';
}

export async function start(path: string): Promise<number> {
  const text = readConfig(path);
  return text.length;
}
