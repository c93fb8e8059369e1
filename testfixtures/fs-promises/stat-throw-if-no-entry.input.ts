import * as fs from 'fs';

export async function kind(file: string): Promise<string> {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  if (!stats) return 'missing';
  const link = fs.lstatSync(file, { bigint: true, throwIfNoEntry: false });
  const again = fs.statSync(file, { throwIfNoEntry: true });
  return link?.isSymbolicLink() ? 'link' : again.isDirectory() ? 'dir' : 'file';
}
