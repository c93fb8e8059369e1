import { readFileSync } from 'fs';

export function readSettings(file: string): string {
  return readFileSync(file, 'utf8');
}

export async function showSettings(): Promise<void> {
  console.log(readSettings('settings.json'));
}
