import { promises as fsp, statSync } from 'fs';

export async function lookup(key: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(`cache/${key}`, 'utf8');
  } catch {
    return undefined;
  }
}

export function warm(): boolean {
  return statSync('cache').isDirectory();
}
