import { appendFile, utimes } from 'fs/promises';

export async function touch(file: string): Promise<void> {
  await appendFile(file, '');
  await utimes(file, new Date(), new Date());
}
