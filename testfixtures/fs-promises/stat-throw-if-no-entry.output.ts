import { stat, lstat } from 'fs/promises';

export async function kind(file: string): Promise<string> {
  const stats = await stat(file).catch((error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!stats) return 'missing';
  const link = await lstat(file, { bigint: true }).catch((error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  const again = await stat(file);
  return link?.isSymbolicLink() ? 'link' : again.isDirectory() ? 'dir' : 'file';
}
