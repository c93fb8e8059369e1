import * as fs from 'fs';

// `catch {}` without a parameter: ast-types' scope scan throws on it unless stepped over.
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return fs.existsSync(file) ? 'unreadable' : undefined;
  }
}
