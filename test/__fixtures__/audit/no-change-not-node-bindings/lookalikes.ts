// Names that look like Node's blocking APIs but are not bound to Node's modules.
import { runSync, parseSync } from './tasks';

function readFileSync(path: string): string {
  return `cached:${path}`;
}

export async function build(fs: { readFileSync(p: string): string }, crypto: { scryptSync(): void }): Promise<string> {
  await Promise.resolve();
  runSync('lint');
  parseSync('a + b');
  crypto.scryptSync();
  return fs.readFileSync('x') + readFileSync('y');
}

export async function shadowed(): Promise<void> {
  await Promise.resolve();
  const Atomics = { wait: (..._args: unknown[]) => 'ok' };
  Atomics.wait(new Int32Array(1), 0, 0);
  const require = (_m: string) => ({ execSync: (_c: string) => '' });
  require('child_process').execSync('ls');
}
