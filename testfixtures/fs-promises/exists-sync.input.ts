import { existsSync, mkdirSync } from 'fs';

export async function ensureDir(dir: string): Promise<boolean> {
  if (existsSync(dir)) return false;
  mkdirSync(dir, { recursive: true });
  return existsSync(dir);
}
