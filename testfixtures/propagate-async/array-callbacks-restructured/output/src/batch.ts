import { readFile, writeFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

async function save(file: string, text: string): Promise<void> {
  await writeFile(file, text);
}

export async function sizes(files: string[]): Promise<number[]> {
  return await Promise.all(files.map(async (f) => size(f)));
}

export async function saveAll(files: string[], texts: string[]): Promise<void> {
  // Save every file that has text.
  for (const [i, file] of files.entries()) {
    if (!texts[i]) continue;
    await save(file, texts[i]);
  }
  for (const file of files) {
    await save(`${file}.bak`, '');
  }
}

export async function total(files: string[]): Promise<number> {
  return (await Promise.all(files.map(async (f) => size(f)))).reduce(
    (a, b) => a + b,
    0
  );
}

export async function nonEmpty(files: string[]): Promise<string[]> {
  return await Promise.all(files.map(async (f) => (await size(f)) > 0)).then(
    (settled) => files.filter((_item, index) => settled[index])
  );
}

export async function anyEmpty(files: string[]): Promise<boolean> {
  return await Promise.all(
    files.map(async (f, i) => i > 0 && (await size(f)) === 0)
  ).then((settled) => files.some((_item, index) => settled[index]));
}
