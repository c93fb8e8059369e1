import * as fs from 'node:fs';
import path from 'node:path';

export async function listJson(dir: string): Promise<string[]> {
  return fs.readdirSync(dir).filter((name) => path.extname(name) === '.json');
}
