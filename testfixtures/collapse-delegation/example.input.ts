import { readFile } from 'node:fs/promises';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

// Public entry point: kept for callers that used the old name.
export async function loadConfig(path: string): Promise<unknown> {
  return await readJson(path);
}

export const loadDefaults = async (): Promise<unknown> => await readJson('defaults.json');

class Cache {
  private async fetch(key: string): Promise<string> {
    return readFile(key, 'utf8');
  }

  async get(key: string): Promise<string> {
    return await this.fetch(key);
  }
}

export function makeCache(): { get(key: string): Promise<string> } {
  return new Cache();
}
