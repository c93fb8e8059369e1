import { readFileSync } from 'fs';

/** Exported for the package's own use, not from its entry point: it may change. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
