import { readFile } from 'fs/promises';

// Node's fs, never loaded by the test that mocks fs-extra: this read migrates.
export async function loadState(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
