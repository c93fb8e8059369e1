import { statSync } from 'fs';

export async function statWith(file: string, options: { throwIfNoEntry: boolean }) {
  return statSync(file, options);
}
