import { access, mkdir } from 'fs/promises';

export async function ensureDir(dir: string): Promise<boolean> {
  if (await access(dir).then(() => true, () => false)) return false;
  await mkdir(dir, { recursive: true });
  return await access(dir).then(() => true, () => false);
}
