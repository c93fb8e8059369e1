import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

export interface Settings {
  name: string;
  retries: number;
}

// Reads the settings file next to the data folder; falls back to defaults.
export async function loadSettings(dir: string): Promise<Settings> {
  const file = path.join(dir, 'settings.json');
  if (!existsSync(file)) {
    return { name: 'default', retries: 3 };
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
  return { name: parsed.name ?? 'default', retries: parsed.retries ?? 3 };
}
