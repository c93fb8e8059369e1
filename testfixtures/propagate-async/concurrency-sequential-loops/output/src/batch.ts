import { readFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

export async function sizes(files: string[]): Promise<number[]> {
  const result = [];
  for (const f of files) {
    result.push(await size(f));
  }
  return result;
}

export async function nonEmpty(files: string[]): Promise<string[]> {
  const kept = [];
  for (const f of files) {
    if ((await size(f)) > 0) {
      kept.push(f);
    }
  }
  return kept;
}

export async function indexed(files: string[]): Promise<string[]> {
  const labels = [];
  for (const [i, f] of files.entries()) {
    labels.push(`${i}: ${await size(f)}`);
  }
  return labels;
}
