import fs from 'fs';
import { readFile, writeFile } from 'fs/promises';

export async function copyConfig(from: string, to: string): Promise<void> {
  const text = await readFile(from, 'utf8');
  await writeFile(to, text);
  fs.createReadStream(to).close();
}
