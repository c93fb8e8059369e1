import { readJson } from './json';
import { readText } from './legacy';
import { readSettings } from './settings';

export async function loadConfig(p: string) {
  return await readJson(p);
}

export async function loadText(p: string) {
  return await readText(p);
}

export async function loadSettings(p: string) {
  return await readSettings(p);
}
