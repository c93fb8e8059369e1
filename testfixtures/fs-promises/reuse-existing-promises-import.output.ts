import { writeFile, readFile } from 'fs/promises';

export async function upperCase(file: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')).toUpperCase());
}
