import { readJson } from './json';
import { readText } from './legacy';
import { readSettings } from './settings';

export function loadConfig(p: string) {
  return readJson(p);
}

export async function loadText(p: string) {
  return await readText(p);
}

export function loadSettings(p: string) {
  return readSettings(p);
}
