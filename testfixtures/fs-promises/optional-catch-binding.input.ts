import * as fs from 'fs';

export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fs.existsSync(file) ? 'unreadable' : undefined;
  }
}
