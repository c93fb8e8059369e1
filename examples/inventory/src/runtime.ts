import { execSync } from 'child_process';

/**
 * The Node.js version on the PATH, as `node --version` prints it: the runtime stamp `status` shows
 * (the way a build stamps `git rev-parse HEAD`, with a command that is always there).
 */
export function runtimeVersion(): string {
  return execSync('node --version', { encoding: 'utf8' }).trim();
}
