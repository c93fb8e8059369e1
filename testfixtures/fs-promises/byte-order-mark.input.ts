import { readFileSync } from 'fs';

export async function read(file: string): Promise<string> {
  return readFileSync(file, 'utf8');
}
