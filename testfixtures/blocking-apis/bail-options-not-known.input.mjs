import { execFileSync, execSync } from 'child_process';
import { gzipSync } from 'zlib';

export async function run(command, options, args, encoding) {
  const a = execSync(command, options);
  const b = execSync(command, { ...options, cwd: '.' });
  const c = execFileSync('node', args);
  const d = execSync(command, { encoding });
  const e = gzipSync(...args);
  return [a, b, c, d, e];
}
