import { stat } from 'fs/promises';

async function* sizes(files: string[]): AsyncGenerator<number> {
  for (const f of files) yield (await stat(f)).size;
}

export async function allSizes(files: string[]): Promise<number[]> {
  const items: number[] = [];
  for await (const item of sizes(files)) {
    items.push(item);
  }
  return items;
}

export async function total(files: string[]): Promise<number> {
  const all: number[] = [];
  for await (const item of sizes(files)) {
    all.push(item);
  }
  let sum = 0;
  for (const size of all) sum += size;
  return sum;
}

export class Report {
  sizes: number[] = [];

  async refresh(files: string[]): Promise<void> {
    if (files.length > 0) {
      const items2: number[] = [];
      for await (const item of sizes(files)) {
        items2.push(item);
      }
      this.sizes = items2;
    }
  }
}

export const collect = async (files: string[]) => {
  const items3: number[] = [];
  for await (const item of sizes(files)) {
    items3.push(item);
  }
  return items3;
};
