import { isCached } from '../b/cache';

export async function report(key: string): Promise<string> {
  return (await isCached(key)) ? 'hit' : 'miss';
}
