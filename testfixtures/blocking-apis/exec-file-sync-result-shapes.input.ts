import * as cp from 'node:child_process';

export async function versions(): Promise<string[]> {
  // no encoding: execFileSync gives a Buffer, so the rewrite asks for one
  const raw = cp.execFileSync('node', ['--version']);
  const text = cp.execFileSync('node', ['-p', '1 + 1'], { encoding: 'utf8' });
  const viaOptions = cp.execFileSync('pwd', { cwd: '.' }).length;
  const multiLine = cp.execFileSync('node', ['-e', 'console.log(2)'], {
    cwd: process.cwd(),
    timeout: 5000,
  });
  cp.execFileSync('node', ['-e', '0'], { env: process.env });
  return [raw.toString('utf8'), text, String(viaOptions), multiLine.toString()];
}
