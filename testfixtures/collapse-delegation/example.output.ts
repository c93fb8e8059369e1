import { readFile } from 'node:fs/promises';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

// Public entry point: kept for callers that used the old name.
export function loadConfig(path: string): Promise<unknown> {
  return readJson(path);
}

export const loadDefaults = (): Promise<unknown> => readJson('defaults.json');

class Cache {
  private async fetch(key: string): Promise<string> {
    return readFile(key, 'utf8');
  }

  get(key: string): Promise<string> {
    return this.fetch(key);
  }
}

export function makeCache(): { get(key: string): Promise<string> } {
  return new Cache();
}
