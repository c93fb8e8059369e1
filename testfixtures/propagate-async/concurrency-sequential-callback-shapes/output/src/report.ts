import { lines, size } from './sizes';

export interface Entry {
  file: string;
  bytes: number;
}

export async function entries(files: string[]): Promise<Entry[]> {
  // A block body: each return pushes one entry.
  const result = [];
  for (const file of files) {
    const bytes = await size(file);
    result.push({ file, bytes });
  }
  return result;
}

export async function labels(files: string[]): Promise<(string | undefined)[]> {
  const out = [];
  for (const [i, file] of files.entries()) {
    if (!file) {
      out.push(undefined);
      continue;
    }
    if (file.endsWith('.md')) {
      out.push(`${i}: ${await size(file)} (docs)`);
      continue;
    }
    console.log(`skipped ${file}`);
    out.push(undefined);
  }
  return out;
}

export async function bigOnes(files: string[]): Promise<string[]> {
  const kept = [];
  for (const file of files) {
    if (file.startsWith('.')) {
      continue;
    }
    if ((await size(file)) > 1000) {
      kept.push(file);
    }
  }
  return kept;
}

export async function allLines(files: string[]): Promise<string[]> {
  const flattened = [];
  for (const file of files) {
    flattened.push(...(await lines(file)));
  }
  return flattened;
}

export async function pairs(files: string[]): Promise<(string | number)[]> {
  const out = [];
  for (const file of files) {
    out.push(file, await size(file));
  }
  return out;
}

export async function hasEmpty(files: string[]): Promise<boolean> {
  let found = false;
  for (const file of files) {
    if ((await size(file)) === 0) {
      found = true;
      break;
    }
  }
  return found;
}

export async function allSmall(files: string[]): Promise<boolean> {
  let allMatch = true;
  for (const file of files) {
    if (!((await size(file)) < 100)) {
      allMatch = false;
      break;
    }
  }
  return allMatch;
}

export async function firstBig(files: string[]): Promise<string | undefined> {
  let big;
  for (const file of files) {
    if ((await size(file)) > 1000) {
      big = file;
      break;
    }
  }
  return big;
}

export async function firstBigIndex(files: string[]): Promise<number> {
  let foundIndex = -1;
  for (const [index, file] of files.entries()) {
    if ((await size(file)) > 1000) {
      foundIndex = index;
      break;
    }
  }
  return foundIndex;
}

export async function lastBigIndex(files: string[]): Promise<number> {
  let foundIndex2 = -1;
  for (const [i, file] of [...files.entries()].reverse()) {
    if (i > 0 && (await size(file)) > 1000) {
      foundIndex2 = i;
      break;
    }
  }
  return foundIndex2;
}

export class Index {
  sizes: number[] = [];

  async refresh(files: string[]): Promise<void> {
    // An assignment statement goes through a fresh temporary (mapped is taken).
    const mapped = files.length;
    const mapped2 = [];
    for (const file of files) {
      mapped2.push(await size(file));
    }
    this.sizes = mapped2;
    console.log(mapped);
  }
}

export async function lengths(files: string[], fast: boolean): Promise<number[]> {
  if (fast) return files.map((file) => file.length);
  if (files.length > 1) {
    const mapped3 = [];
    for (const file of files) {
      mapped3.push(await size(file));
    }
    return mapped3;
  }
  return [];
}

// A concise arrow body becomes a block that returns the loop's result.
export const sizesOf = async (files: string[]): Promise<number[]> => {
  const mapped4 = [];
  for (const file of files) {
    mapped4.push(await size(file));
  }
  return mapped4;
};
