import { readFileSync, writeFileSync } from 'fs';
import { readFile } from 'fs/promises';

// The project's own sync twin: named *Sync, it stays sync.
export function copySync(from: string, to: string): void {
  writeFileSync(to, readFileSync(from));
}

// Not named *Sync: it migrates.
export async function loadNotes(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}
