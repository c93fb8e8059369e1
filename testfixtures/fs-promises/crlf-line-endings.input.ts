import { readFileSync } from 'fs';

// Windows line endings must survive.
export async function read(file: string): Promise<string> {
  return readFileSync(file, 'utf8');
}
