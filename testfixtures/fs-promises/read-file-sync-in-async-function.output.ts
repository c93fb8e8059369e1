import { readFile } from 'fs/promises';
import * as path from 'path';

// Loads the manifest of a package.
export async function loadManifest(dir: string): Promise<{ name: string }> {
  const text = await readFile(path.join(dir, 'package.json'), 'utf8');
  return JSON.parse(text);
}
