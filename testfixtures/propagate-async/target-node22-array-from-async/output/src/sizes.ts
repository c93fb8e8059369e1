import { stat } from 'fs/promises';

async function* sizes(files: string[]): AsyncGenerator<number> {
  for (const f of files) yield (await stat(f)).size;
}

export async function allSizes(files: string[]): Promise<number[]> {
  return await Array.fromAsync(sizes(files));
}

// A spread that is the array literal's only element.
export async function spreadSizes(files: string[]): Promise<number> {
  const all = await Array.fromAsync(sizes(files));
  return (await Array.fromAsync(sizes(files))).length + all.length;
}

// A sync mapper: Array.fromAsync takes it too.
export async function labels(files: string[]): Promise<string[]> {
  return await Array.fromAsync(sizes(files), (size, i) => `${i}: ${size}`);
}
