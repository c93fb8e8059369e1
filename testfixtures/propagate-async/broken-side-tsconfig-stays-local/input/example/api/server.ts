import { readFileSync } from 'fs';

// Its tsconfig extends a file that is not in the repository: this folder is not migrated.
export function banner(): string {
  return readFileSync('banner.txt', 'utf8');
}
