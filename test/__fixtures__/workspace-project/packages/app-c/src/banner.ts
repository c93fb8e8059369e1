import { existsSync, readFileSync } from 'fs';

export function showBanner(file: string): void {
  if (existsSync(file)) console.log(readFileSync(file, 'utf8'));
}
