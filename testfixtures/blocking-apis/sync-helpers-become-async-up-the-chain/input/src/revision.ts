import { execSync } from 'child_process';

/** The version of the tool that builds the release (like `git rev-parse HEAD`). */
export function toolVersion(): string {
  return execSync('node --version', { encoding: 'utf8' }).trim();
}

/** Waits before a retry. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
