/**
 * `--write`: put the new texts on disk, safely.
 *
 * - Before anything is written, {@link assertCleanOrThrow} refuses (UsageError, exit 2) when a target
 *   file has uncommitted changes in git — staged, unstaged, or untracked — because a later
 *   `git diff` or `git checkout` must be able to show or undo exactly what async-migrate did.
 *   Files outside any git repository are fine. `--allow-dirty` skips the check.
 * - The writing itself is transactional per change set (src/engine/transaction.ts): temporary files
 *   beside the files, then renames, a journal for interrupted runs; a file is written only if its new
 *   text parses and the disk still holds the text the run read. {@link writeFiles} is the same with
 *   every file its own change set.
 */
import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { UsageError } from '../core/errors';
import type { FileMap } from './filemap';
import { writeChangeSets, type WriteOptions } from './transaction';

/** How many paths go into one `git status` call (keeps command lines short). */
const GIT_PATHS_PER_CALL = 200;

/**
 * Files among `paths` (FileMap display paths) that have uncommitted changes or are untracked in the
 * git repository holding them.
 * @throws UsageError when a file is in a git repository but git cannot be run
 */
export async function findDirtyFiles(fileMap: FileMap, paths: readonly string[]): Promise<string[]> {
  const byRoot = new Map<string, string[]>();
  const rootCache = new Map<string, Promise<string | undefined>>();
  for (const p of paths) {
    const root = await findGitRoot(path.dirname(fileMap.absolutePath(p)), rootCache);
    if (root === undefined) continue;
    const list = byRoot.get(root) ?? [];
    list.push(p);
    byRoot.set(root, list);
  }
  const dirty: string[] = [];
  for (const [root, list] of byRoot) {
    const byRelative = new Map(list.map((p) => [path.relative(root, fileMap.absolutePath(p)).split(path.sep).join('/'), p]));
    const relatives = [...byRelative.keys()];
    for (let i = 0; i < relatives.length; i += GIT_PATHS_PER_CALL) {
      const chunk = relatives.slice(i, i + GIT_PATHS_PER_CALL);
      const output = await runGit(root, ['--literal-pathspecs', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...chunk]);
      for (const entry of parsePorcelainZ(output)) {
        const display = byRelative.get(entry);
        if (display !== undefined) dirty.push(display);
      }
    }
  }
  return dirty.sort();
}

/**
 * Refuse to write when any of `paths` has uncommitted changes.
 * @throws UsageError listing the dirty files and how to proceed
 */
export async function assertCleanOrThrow(fileMap: FileMap, paths: readonly string[]): Promise<void> {
  const dirty = await findDirtyFiles(fileMap, paths);
  if (dirty.length === 0) return;
  const shown = dirty.slice(0, 20).map((p) => `  ${p}`);
  if (dirty.length > 20) shown.push(`  … and ${dirty.length - 20} more`);
  throw new UsageError(
    [
      `refusing to write: ${dirty.length === 1 ? 'this file has' : `${dirty.length} files have`} uncommitted changes in git:`,
      ...shown,
      'Commit or stash them first, so the rewrite can be reviewed and undone on its own, or pass --allow-dirty.',
    ].join('\n'),
  );
}

/** A file that could not be written. */
export interface WriteFailure {
  path: string;
  message: string;
}

/**
 * Write the current text of each of `paths` over the file on disk, each file on its own (one change
 * set per file; see src/engine/transaction.ts for the checks and the temp-file-and-rename).
 * @returns the paths written, and those not written with the reason (does not throw for one bad file)
 */
export async function writeFiles(fileMap: FileMap, paths: readonly string[], options: WriteOptions = {}): Promise<{ written: string[]; failures: WriteFailure[] }> {
  const report = await writeChangeSets(fileMap, paths.map((p) => ({ id: p, files: [p] })), options);
  const failures = report.sets.flatMap((s) => s.failures).map((f) => ({ path: f.path, message: f.message }));
  return { written: report.written, failures };
}

/** Nearest ancestor of `dir` (or `dir`) that holds a `.git` entry, or undefined. */
function findGitRoot(dir: string, cache: Map<string, Promise<string | undefined>>): Promise<string | undefined> {
  let root = cache.get(dir);
  if (!root) {
    root = (async () => {
      const hasGit = await fsp.lstat(path.join(dir, '.git')).then(
        () => true,
        () => false,
      );
      if (hasGit) return dir;
      const parent = path.dirname(dir);
      return parent === dir ? undefined : findGitRoot(parent, cache);
    })();
    cache.set(dir, root);
  }
  return root;
}

function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed or not on PATH' : (stderr || error.message).trim();
      reject(new UsageError(`cannot check ${cwd} for uncommitted changes: ${detail}. Fix that, or pass --allow-dirty.`));
    });
  });
}

/**
 * Paths named by `git status --porcelain=v1 -z` output (entries `XY path\0`; a rename or copy adds
 * `orig\0` after its entry, which is also returned).
 */
export function parsePorcelainZ(output: string): string[] {
  const tokens = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.length < 4) continue;
    const status = token.slice(0, 2);
    paths.push(token.slice(3));
    if (status.includes('R') || status.includes('C')) {
      const orig = tokens[++i];
      if (orig) paths.push(orig);
    }
  }
  return paths;
}
