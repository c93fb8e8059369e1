import { stat } from 'fs/promises';

async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

// The receivers have no name, but the checker types them as arrays: the callbacks are restructured.
export async function sizes(input: string | string[]): Promise<number[]> {
  const files = await Promise.all(
    (Array.isArray(input) ? input : [input]).map(async (file) => sizeOf(file))
  );
  return files;
}

export async function listed(value: unknown): Promise<number[]> {
  const found = await Promise.all((value as string[]).map(async (file) => sizeOf(file)));
  return found;
}

export async function printAll(files: string[] | undefined): Promise<void> {
  for (const file of files!) {
    console.log(file, await sizeOf(file));
  }
}
