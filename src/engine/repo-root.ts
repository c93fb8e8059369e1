/**
 * Where a run's repository is: the root that symlinked files must stay inside, and the folder that
 * holds `--write`'s journal.
 *
 * - The root is the git top level of the working directory (the nearest folder above it, or itself,
 *   with a `.git` entry), or the working directory itself when it is not in a git repository.
 * - The journal folder is `async-migrate/` inside the repository's git dir: `.git/` when `.git` is a
 *   folder, or the folder a `.git` file points to (`gitdir: …`, as in worktrees and submodules, see
 *   gitrepository-layout(5)). Outside git it is `.async-migrate/` in the working directory.
 * All paths are real paths (symlinks resolved), so they compare with `fs.realpath` results.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';

/** The repository a run writes into. */
export interface RepositoryLocation {
  /** Real path of the git top level, or of the working directory outside git. */
  root: string;
  /** Folder of the journal (created only when a write starts). */
  journalDir: string;
  /** Whether `root` is a git top level. */
  inGit: boolean;
}

/**
 * Find the repository holding `cwd`.
 * @param cwd absolute working directory
 * @throws whatever `fs.realpath` throws when `cwd` does not exist
 */
export async function findRepository(cwd: string): Promise<RepositoryLocation> {
  const start = await fsp.realpath(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    const stat = await fsp.lstat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return { root: dir, journalDir: path.join(dotGit, 'async-migrate'), inGit: true };
    if (stat?.isFile()) {
      const text = await fsp.readFile(dotGit, 'utf8').catch(() => '');
      const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
      const gitDir = match ? path.resolve(dir, match[1]) : dotGit;
      return { root: dir, journalDir: path.join(gitDir, 'async-migrate'), inGit: true };
    }
    if (path.dirname(dir) === dir) return { root: start, journalDir: path.join(start, '.async-migrate'), inGit: false };
  }
}

/** Whether `file` lies inside `dir` (or is `dir`); both absolute. */
export function isInsideOrSame(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
