import { access, readFile } from 'fs/promises';

export async function loadConfig(file: string): Promise<{ port: number }> {
  if (!(await access(file).then(() => true, () => false))) throw new Error(`missing ${file}`);
  return JSON.parse(await readFile(file, 'utf8'));
}
