import { loadSettings } from './settings';
import * as cache from './lib/cache';

export async function handle(request: { path: string }): Promise<string> {
  const settings = loadSettings();
  const hit = await cache.lookup(request.path);
  return hit ?? settings.fallback;
}

export function healthCheck(): boolean {
  return cache.warm();
}
