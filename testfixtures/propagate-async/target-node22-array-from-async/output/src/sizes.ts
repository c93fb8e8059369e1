import { stat } from 'fs/promises';

async function* sizes(files: string[]): AsyncGenerator<number> {
  for (const f of files) yield (await stat(f)).size;
}

export async function allSizes(files: string[]): Promise<number[]> {
  return await Array.fromAsync(sizes(files));
}
