import { readFileSync, existsSync } from 'fs';

export function readConfig(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '{}';
}

export async function start(path) {
  const text = readConfig(path);
  return text.length;
}
