import { access } from 'fs/promises';

export async function isCached(key: string): Promise<boolean> {
  return await access(`.cache/${key}`).then(() => true, () => false);
}
