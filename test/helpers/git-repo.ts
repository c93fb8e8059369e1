/** Test helper: make a folder a git repository with one commit of everything in it (the base of a split). */
import { execFileSync } from 'child_process';

/** `git init` in `dir`, then commit every file (honouring its .gitignore) as `base`. */
export function commitAsBase(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
}
