import { execSync } from 'child_process';
import { setTimeout } from 'timers/promises';

/** The version of the tool that builds the release (like `git rev-parse HEAD`). */
export function toolVersion(): string {
  return execSync('node --version', { encoding: 'utf8' }).trim();
}

/** Waits before a retry. */
export async function pause(ms: number): Promise<void> {
  await setTimeout(ms);
}
