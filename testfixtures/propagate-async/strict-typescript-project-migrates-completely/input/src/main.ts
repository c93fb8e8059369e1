import { allLines, listDir, printSizes, sizesOf, totalSize } from './files';

export function main(dir: string): string {
  const files = listDir(dir);
  printSizes(files);
  return `${allLines(dir).length} lines, ${totalSize(files)} bytes, largest ${Math.max(...sizesOf(files))}`;
}
