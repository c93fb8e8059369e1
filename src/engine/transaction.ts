/**
 * Transactional `--write`: the files of one change set are written together or not at all.
 *
 * For each change set, in order:
 * 1. **Check** every file before anything is written: the new text parses; the file (its symlinks
 *    resolved) lies inside the repository root when it is reached through a symlink (AM910); it has a
 *    write bit in its mode, unless `force` (AM909 — checked on the mode itself, because root may write
 *    any file and `access(2)` would say yes); its folder is writable; and its bytes on disk still hash to
 *    what the FileMap read (someone may have edited it since). One failing file fails its whole set.
 * 2. **Journal** (src/engine/journal.ts): the sets that passed, with the before/after hashes and texts,
 *    saved before the first file is touched, removed when every set is done.
 * 3. **Replace** each set's files (src/engine/replace.ts): temporary files beside them, then renames;
 *    a failed step puts back the files already renamed and fails the set. The other sets go on.
 * SIGINT/SIGTERM during the write remove the temporary files not yet renamed, then end the process
 * with the same signal; the journal stays, so the next run finishes or rolls back the set.
 *
 * Until the plan's change sets exist, a run passes all its changed files as one set.
 */
import { constants as fsConstants, promises as fsp } from 'fs';
import * as path from 'path';
import { parseForCheck } from '../core/parser';
import type { FileMap } from './filemap';
import { journalPath, removeJournal, saveJournal, startJournal, type Journal, type JournalFile, type JournalSet } from './journal';
import { findRepository, isInsideOrSame, type RepositoryLocation } from './repo-root';
import { removeLiveTempFilesSync, replaceAll, type Replacement } from './replace';
import { contentHash, nodeWriteFs, type WriteFs } from './write-fs';

/** Files that must be written together (display paths of the FileMap). */
export interface ChangeSet {
  /** Stable id, shown in messages and kept in the journal. */
  id: string;
  files: readonly string[];
}

/** Options of {@link writeChangeSets}. */
export interface WriteOptions {
  /** Write files whose mode has no write bit (`--force`). */
  force?: boolean;
  /** File-system layer (tests inject faults); default the real one. */
  fs?: WriteFs;
  /** Repository root and journal folder; default found from the FileMap's working directory. */
  repository?: RepositoryLocation;
  /** Receives the message when SIGINT/SIGTERM interrupts the write (default: process.stderr). */
  onInterrupt?: (message: string) => void;
}

/** Why one file of a set was not written: AM905 write error, AM908 another file of its set failed, AM909 read-only, AM910 link out of the repository. */
export interface FileWriteFailure {
  path: string;
  code: 'AM905' | 'AM908' | 'AM909' | 'AM910';
  message: string;
}

/** The outcome of one change set. */
export interface SetOutcome {
  id: string;
  files: string[];
  written: boolean;
  /** Empty when written; else one entry per file of the set (the cause first). */
  failures: FileWriteFailure[];
}

/** The outcome of {@link writeChangeSets}. */
export interface WriteReport {
  /** Display paths written, in set order. */
  written: string[];
  sets: SetOutcome[];
}

/** A file that passed the checks, ready to replace. */
interface Target extends Replacement {
  path: string;
}

/**
 * Write each change set of `sets` transactionally (see the file comment).
 * @param sets disjoint change sets with unique ids (change sets are disjoint by construction)
 * @returns per set whether it was written and, if not, why (never throws for a file's problem)
 * @throws Error when two sets share an id or a file (a bug in the caller), or when the journal
 *   cannot be removed at the end
 */
export async function writeChangeSets(fileMap: FileMap, sets: readonly ChangeSet[], options: WriteOptions = {}): Promise<WriteReport> {
  assertDisjoint(sets);
  const fsx = options.fs ?? nodeWriteFs;
  const repo = options.repository ?? (await findRepository(fileMap.cwd));
  const outcomes: SetOutcome[] = [];
  const ready: { set: ChangeSet; targets: Target[] }[] = [];
  for (const set of sets) {
    const checked = await checkSet(fileMap, set, repo, fsx, options.force === true);
    if ('failures' in checked) outcomes.push({ id: set.id, files: [...set.files], written: false, failures: checked.failures });
    else ready.push({ set, targets: checked.targets });
  }
  if (ready.length === 0) return finish(sets, outcomes);

  const journalSets: JournalSet[] = ready.map(({ set, targets }) => ({ id: set.id, state: 'pending', files: targets.map(journalFile) }));
  const texts = new Map<string, string>();
  for (const { targets } of ready) for (const t of targets) for (const text of [t.before, t.after]) texts.set(contentHash(text), text);
  let journal: Journal;
  try {
    journal = await startJournal(repo.journalDir, journalSets, texts);
  } catch (error) {
    await removeJournal(repo.journalDir).catch(() => undefined);
    const message = `cannot save the write journal in ${repo.journalDir}: ${(error as Error).message}; nothing written`;
    for (const { set } of ready) outcomes.push({ id: set.id, files: [...set.files], written: false, failures: set.files.map((p) => ({ path: p, code: 'AM905' as const, message: `${p}: ${message}` })) });
    return finish(sets, outcomes);
  }

  const uninstall = installSignalCleanup(journalPath(repo.journalDir), options.onInterrupt);
  try {
    for (const [index, { set, targets }] of ready.entries()) {
      const failure = await replaceAll(targets, fsx);
      const entry = journal.sets[index];
      if (!failure) {
        entry.state = 'done';
        outcomes.push({ id: set.id, files: [...set.files], written: true, failures: [] });
      } else {
        entry.state = failure.notRestored.length ? 'rolling-back' : 'rolled-back';
        const cause = targets.find((t) => t.target === failure.target)?.path ?? failure.target;
        const restoreNote = failure.notRestored.length
          ? `; could not put back ${failure.notRestored.map((n) => `${n.target} (${n.message})`).join(', ')}: the next run rolls them back from the journal`
          : '';
        outcomes.push({ id: set.id, files: [...set.files], written: false, failures: setFailures(set, cause, 'AM905', `${cause}: ${failure.message}; no file of change set ${set.id} was written${restoreNote}`) });
      }
      await saveJournal(repo.journalDir, journal);
    }
  } finally {
    uninstall();
  }
  if (journal.sets.every((s) => s.state === 'done' || s.state === 'rolled-back')) await removeJournal(repo.journalDir);
  return finish(sets, outcomes);
}

/** @throws Error when two sets share an id or a file. */
function assertDisjoint(sets: readonly ChangeSet[]): void {
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const set of sets) {
    if (ids.has(set.id)) throw new Error(`writeChangeSets: two change sets have the id ${set.id}`);
    ids.add(set.id);
    for (const file of set.files) {
      const other = owner.get(file);
      if (other !== undefined) throw new Error(`writeChangeSets: ${file} is in change sets ${other} and ${set.id}; change sets must be disjoint`);
      owner.set(file, set.id);
    }
  }
}

/** Check every file of a set (step 1 of the file comment). */
async function checkSet(fileMap: FileMap, set: ChangeSet, repo: RepositoryLocation, fsx: WriteFs, force: boolean): Promise<{ targets: Target[] } | { failures: FileWriteFailure[] }> {
  const targets: Target[] = [];
  for (const p of set.files) {
    const checked = await checkFile(fileMap, p, repo, fsx, force);
    if ('code' in checked) return { failures: setFailures(set, p, checked.code, checked.message) };
    targets.push(checked);
  }
  return { targets };
}

async function checkFile(fileMap: FileMap, p: string, repo: RepositoryLocation, fsx: WriteFs, force: boolean): Promise<Target | { code: FileWriteFailure['code']; message: string }> {
  const after = fileMap.getOrThrow(p);
  const before = fileMap.getOriginal(p) ?? after;
  try {
    parseForCheck(p, after);
  } catch (error) {
    return { code: 'AM905', message: `${p}: the new text does not parse (${(error as Error).message}); not written` };
  }
  const abs = fileMap.absolutePath(p);
  try {
    const target = await fsx.realpath(abs);
    if (target !== abs && !isInsideOrSame(repo.root, target)) {
      return { code: 'AM910', message: `${p}: is a symlink to ${target}, outside the repository (${repo.root}); not written` };
    }
    const stat = await fsx.stat(target);
    if (!stat.isFile()) return { code: 'AM905', message: `${p}: is no longer a regular file; not written` };
    if ((stat.mode & 0o222) === 0 && !force) return { code: 'AM909', message: `${p}: is read-only (mode ${(stat.mode & 0o777).toString(8)}); not written (--force writes it and keeps the mode)` };
    if (!(await isWritableFolder(path.dirname(target)))) return { code: 'AM905', message: `${p}: its folder is not writable; not written` };
    const onDisk = contentHash(await fsx.readFile(target));
    if (onDisk !== fileMap.readHash(p)) return { code: 'AM905', message: `${p}: the file changed on disk after it was read; not written (run again)` };
    return { path: p, target, before, after, mode: stat.mode, owner: { uid: stat.uid, gid: stat.gid } };
  } catch (error) {
    return { code: 'AM905', message: `${p}: ${(error as Error).message}` };
  }
}

/** Failures for every file of `set`: the cause's own, then AM908 for the others. */
function setFailures(set: ChangeSet, cause: string, code: FileWriteFailure['code'], message: string): FileWriteFailure[] {
  const others = set.files.filter((p) => p !== cause).map((p) => ({ path: p, code: 'AM908' as const, message: `${p}: not written: ${cause}, in the same change set (${set.id}), could not be written` }));
  return [{ path: cause, code, message }, ...others];
}

function journalFile(t: Target): JournalFile {
  return { path: t.path, target: t.target, mode: t.mode, before: contentHash(t.before), after: contentHash(t.after) };
}

/** Outcomes in the order of `sets`, and the written paths. */
function finish(sets: readonly ChangeSet[], outcomes: SetOutcome[]): WriteReport {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const ordered = sets.map((s) => byId.get(s.id)).filter((o): o is SetOutcome => o !== undefined);
  return { written: ordered.filter((o) => o.written).flatMap((o) => o.files), sets: ordered };
}

async function isWritableFolder(dir: string): Promise<boolean> {
  return fsp.access(dir, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * While files are being replaced, SIGINT/SIGTERM remove the temporary files not yet renamed, say so,
 * and end the process with the same signal (the default action, re-raised).
 * @returns a function that removes the handlers
 */
function installSignalCleanup(journalFileShown: string, onInterrupt?: (message: string) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    removeLiveTempFilesSync();
    const message = `async-migrate: interrupted by ${signal} while writing; temporary files removed. The next run finishes or rolls back the change set (journal: ${journalFileShown}).\n`;
    if (onInterrupt) onInterrupt(message);
    else process.stderr.write(message);
    uninstall();
    process.kill(process.pid, signal);
  };
  const uninstall = () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return uninstall;
}
