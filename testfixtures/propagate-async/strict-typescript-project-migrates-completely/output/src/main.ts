import { allLines, listDir, printSizes, sizesOf, totalSize } from './files';

export async function main(dir: string): Promise<string> {
  const files = await listDir(dir);
  await printSizes(files);
  return `${(await allLines(dir)).length} lines, ${await totalSize(files)} bytes, largest ${Math.max(...(await sizesOf(files)))}`;
}
