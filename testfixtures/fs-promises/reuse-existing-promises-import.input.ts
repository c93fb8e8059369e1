import { readFileSync } from 'fs';
import { writeFile } from 'fs/promises';

export async function upperCase(file: string): Promise<void> {
  await writeFile(file, readFileSync(file, 'utf8').toUpperCase());
}
