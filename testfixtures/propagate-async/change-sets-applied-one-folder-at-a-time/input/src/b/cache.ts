import { existsSync } from 'fs';

export function isCached(key: string): boolean {
  return existsSync(`.cache/${key}`);
}
