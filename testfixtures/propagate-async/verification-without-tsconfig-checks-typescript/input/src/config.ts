import { readFileSync, statSync } from 'fs';

// The test mocks this function with a plain value: as async, that mock no longer type-checks.
export function loadConfig(file: string): { port: number } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function fileSize(file: string): number {
  return statSync(file).size;
}
