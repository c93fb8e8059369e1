import { readFileSync as read, statSync, createReadStream } from 'fs';

export async function sizeAndHead(file: string) {
  const { size } = statSync(file);
  const head = read(file, 'utf8').slice(0, 10);
  return { size, head, stream: createReadStream(file) };
}
