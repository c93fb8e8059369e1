import * as path from 'path';

function readFileSync(file: string): string {
  return `stub for ${path.basename(file)}`;
}

export async function read(file: string, fs: { statSync(p: string): number }) {
  const size = fs.statSync(file);
  return readFileSync(file) + size;
}

export async function other() {
  const existsSync = (p: string) => p.length > 0;
  return existsSync('x');
}
