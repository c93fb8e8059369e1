import { readFileSync, existsSync } from 'fs';

export interface Settings {
  fallback: string;
}

function readSettingsFile(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '{}';
}

export function loadSettings(): Settings {
  return JSON.parse(readSettingsFile('settings.json')) as Settings;
}
