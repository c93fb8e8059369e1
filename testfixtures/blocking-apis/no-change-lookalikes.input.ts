import { exec } from 'child_process';

function execSync(command: string): string {
  return command.toUpperCase();
}

export async function run(cp: { execSync(c: string): string }, zlib: { gzipSync(b: Buffer): Buffer }) {
  const a = execSync('ls');
  const b = cp.execSync('ls');
  const c = zlib.gzipSync(Buffer.from(a + b));
  exec('ls', () => undefined);
  return c;
}
