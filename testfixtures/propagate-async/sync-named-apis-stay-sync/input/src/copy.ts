import { readFileSync, writeFileSync } from 'fs';

// The project's own sync twin: named *Sync, it stays sync.
export function copySync(from: string, to: string): void {
  writeFileSync(to, readFileSync(from));
}

// Not named *Sync: it migrates.
export function loadNotes(file: string): string {
  return readFileSync(file, 'utf8');
}
