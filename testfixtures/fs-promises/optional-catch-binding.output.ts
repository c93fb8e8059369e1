import { readFile, access } from 'fs/promises';

export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return (await access(file).then(() => true, () => false)) ? 'unreadable' : undefined;
  }
}
