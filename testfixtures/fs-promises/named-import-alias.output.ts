import { createReadStream } from 'fs';
import { stat, readFile } from 'fs/promises';

export async function sizeAndHead(file: string) {
  const { size } = await stat(file);
  const head = (await readFile(file, 'utf8')).slice(0, 10);
  return { size, head, stream: createReadStream(file) };
}
