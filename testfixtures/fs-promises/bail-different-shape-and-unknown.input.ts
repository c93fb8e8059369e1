import * as fs from 'fs';

export async function scan(dir: string) {
  const dirHandle = fs.opendirSync(dir);
  const matches = fs.globSync('**/*.ts');
  fs.lchmodSync(dir, 0o755);
  return { dirHandle, matches };
}
