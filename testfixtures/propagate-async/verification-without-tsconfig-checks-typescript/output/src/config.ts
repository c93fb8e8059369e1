import { readFileSync } from 'fs';
import { stat } from 'fs/promises';

// The test mocks this function with a plain value: as async, that mock no longer type-checks.
export function loadConfig(file: string): { port: number } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
