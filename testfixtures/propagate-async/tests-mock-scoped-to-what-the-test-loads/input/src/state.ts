import { readFileSync } from 'fs';

// Node's fs, never loaded by the test that mocks fs-extra: this read migrates.
export function loadState(file: string): string {
  return readFileSync(file, 'utf8');
}
