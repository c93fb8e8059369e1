import { readFile } from 'fs/promises';

// Windows line endings must survive.
export async function read(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
