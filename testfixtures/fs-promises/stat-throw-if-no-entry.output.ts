import { stat, lstat } from 'fs/promises';

export async function kind(file: string): Promise<string> {
  const stats = await stat(file, { throwIfNoEntry: false }).catch((error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!stats) return 'missing';
  const link = await lstat(file, { bigint: true, throwIfNoEntry: false }).catch((error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  const again = await stat(file, { throwIfNoEntry: true });
  return link?.isSymbolicLink() ? 'link' : again.isDirectory() ? 'dir' : 'file';
}
