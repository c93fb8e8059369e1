import * as cp from 'node:child_process';
import { promisify } from 'node:util';
const execFileAsync = promisify(cp.execFile);

export async function versions(): Promise<string[]> {
  // no encoding: execFileSync gives a Buffer, so the rewrite asks for one
  const raw = (await execFileAsync('node', ['--version'], { encoding: 'buffer' })).stdout;
  const text = (await execFileAsync('node', ['-p', '1 + 1'], { encoding: 'utf8' })).stdout;
  const viaOptions = (await execFileAsync('pwd', { cwd: '.', encoding: 'buffer' })).stdout.length;
  const multiLine = (await execFileAsync('node', ['-e', 'console.log(2)'], {
    cwd: process.cwd(),
    timeout: 5000,
    encoding: 'buffer',
  })).stdout;
  await execFileAsync('node', ['-e', '0'], { env: process.env });
  return [raw.toString('utf8'), text, String(viaOptions), multiLine.toString()];
}
