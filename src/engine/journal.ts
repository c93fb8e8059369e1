/**
 * The journal of `--write`: what a run is about to write, kept on disk until the run is done, so that
 * the next run can finish or undo a write that was interrupted (kill -9, power cut, crash).
 *
 * Layout (in the folder from src/engine/repo-root.ts, `.git/async-migrate/` in a git repository):
 * - `journal.json`: `{ version: 1, pid, startedAt, sets: [{ id, state, files: [{ path, target, mode,
 *   before, after }] }] }` — `before`/`after` are sha256 hashes of the file's text before and after;
 *   `state` is `pending` (being written), `rolling-back` (a rename failed, being restored), `done` or
 *   `rolled-back`. Written to a temporary file and renamed, so it is always whole.
 * - `<hash>.blob`: each before and after text, by hash (needed to finish or undo a set).
 * The writer removes all of it when it is done.
 *
 * Recovery ({@link recoverJournal}), per set that is neither done nor rolled back: when every file holds
 * its before or after text, a `pending` set is **completed** (the files still old get their after
 * text); otherwise, or when the set was `rolling-back`, it is **rolled back** (files holding their after
 * text get their before text back). A file holding neither (edited since) is left as it is and named.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { UsageError } from '../core/errors';
import { replaceAll, type Replacement } from './replace';
import { contentHash, nodeWriteFs, tempPathFor, type WriteFs } from './write-fs';

/** One file of a journaled change set. */
export interface JournalFile {
  /** Display path (as the run showed it). */
  path: string;
  /** Absolute real path written. */
  target: string;
  mode: number;
  /** sha256 of the text before the write. */
  before: string;
  /** sha256 of the text after the write. */
  after: string;
}

/** One change set in the journal. */
export interface JournalSet {
  id: string;
  state: 'pending' | 'rolling-back' | 'done' | 'rolled-back';
  files: JournalFile[];
}

/** The whole journal. */
export interface Journal {
  version: 1;
  pid: number;
  startedAt: string;
  sets: JournalSet[];
}

const JOURNAL_FILE = 'journal.json';

/** Path of the journal file in `journalDir`. */
export function journalPath(journalDir: string): string {
  return path.join(journalDir, JOURNAL_FILE);
}

/**
 * Start a journal: store the texts (by hash), then the journal itself.
 * @param texts every before and after text of `sets`, by hash
 * @throws the file-system error when the folder cannot be written (nothing has been written yet)
 */
export async function startJournal(journalDir: string, sets: JournalSet[], texts: ReadonlyMap<string, string>): Promise<Journal> {
  await fsp.mkdir(journalDir, { recursive: true });
  for (const [hash, text] of texts) {
    const blob = path.join(journalDir, `${hash}.blob`);
    const exists = await fsp.stat(blob).then(() => true, () => false);
    if (!exists) await fsp.writeFile(blob, text, 'utf8');
  }
  const journal: Journal = { version: 1, pid: process.pid, startedAt: new Date().toISOString(), sets };
  await saveJournal(journalDir, journal);
  return journal;
}

/** Rewrite the journal file whole (temporary file, then rename). */
export async function saveJournal(journalDir: string, journal: Journal): Promise<void> {
  const temp = path.join(journalDir, `${JOURNAL_FILE}.tmp`);
  await fsp.writeFile(temp, `${JSON.stringify(journal, null, 2)}\n`, 'utf8');
  await fsp.rename(temp, journalPath(journalDir));
}

/** Remove the journal file, its texts, and the folder when nothing else is in it. */
export async function removeJournal(journalDir: string): Promise<void> {
  await fsp.rm(journalPath(journalDir), { force: true });
  const entries = await fsp.readdir(journalDir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.endsWith('.blob') || entry === `${JOURNAL_FILE}.tmp`) await fsp.rm(path.join(journalDir, entry), { force: true });
  }
  await fsp.rmdir(journalDir).catch(() => undefined);
}

/**
 * The unfinished journal in `journalDir`, or undefined when there is none.
 * @throws UsageError when the journal file cannot be read or is not a journal
 */
export async function readJournal(journalDir: string): Promise<Journal | undefined> {
  const text = await fsp.readFile(journalPath(journalDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read the journal of an interrupted --write (${journalPath(journalDir)}): ${error.message}`);
  });
  if (text === undefined) return undefined;
  try {
    const journal = JSON.parse(text) as Journal;
    if (journal.version !== 1 || !Array.isArray(journal.sets)) throw new Error('not an async-migrate journal (version 1)');
    return journal;
  } catch (error) {
    throw new UsageError(`the journal of an interrupted --write (${journalPath(journalDir)}) is damaged: ${(error as Error).message}. Check the files it names with git, then delete it.`);
  }
}

/** The sets of a journal that still need work. */
export function unfinishedSets(journal: Journal): JournalSet[] {
  return journal.sets.filter((s) => s.state === 'pending' || s.state === 'rolling-back');
}

/** What recovery did to one set. */
export interface RecoveredSet {
  id: string;
  action: 'completed' | 'rolled back';
  /** Display paths of files holding neither their before nor their after text (left as they are). */
  conflicts: string[];
}

/**
 * Finish or undo the sets an interrupted `--write` left (see the file comment), remove stale temporary
 * files, and remove the journal.
 * @param say receives one line per set, for stderr
 * @returns what was done per set (empty when there was no journal)
 * @throws UsageError when a file cannot be written during recovery (the journal is kept), or when the
 *   journal's writer is still running
 */
export async function recoverJournal(journalDir: string, say: (line: string) => void, fsx: WriteFs = nodeWriteFs): Promise<RecoveredSet[]> {
  const journal = await readJournal(journalDir);
  if (!journal) return [];
  if (journal.pid !== process.pid && (await isAsyncMigrateRunning(journal.pid))) {
    throw new UsageError(`another async-migrate --write (pid ${journal.pid}) is writing in this repository (${journalPath(journalDir)}); wait for it to end, then run again`);
  }
  const done: RecoveredSet[] = [];
  for (const set of unfinishedSets(journal)) {
    const disk = new Map<string, string>();
    for (const file of set.files) {
      await removeOwnTempFile(file, fsx);
      disk.set(file.target, await fsx.readFile(file.target).then(contentHash, () => 'missing'));
    }
    const isOld = (f: JournalFile) => disk.get(f.target) === f.before;
    const isNew = (f: JournalFile) => disk.get(f.target) === f.after;
    const conflicts = set.files.filter((f) => !isOld(f) && !isNew(f)).map((f) => f.path);
    const complete = set.state === 'pending' && conflicts.length === 0;
    const todo = complete ? set.files.filter(isOld) : set.files.filter((f) => isNew(f) && f.before !== f.after);
    const group: Replacement[] = [];
    for (const f of todo) {
      const before = await readBlob(journalDir, complete ? f.before : f.after);
      const after = await readBlob(journalDir, complete ? f.after : f.before);
      group.push({ target: f.target, before, after, mode: f.mode });
    }
    const failure = await replaceAll(group, fsx);
    if (failure) {
      throw new UsageError(
        `cannot finish the interrupted --write of change set ${set.id}: ${failure.target}: ${failure.message}. The journal is kept (${journalPath(journalDir)}); fix that and run again.`,
      );
    }
    set.state = complete ? 'done' : 'rolled-back';
    await saveJournal(journalDir, journal);
    const action = complete ? 'completed' : 'rolled back';
    const detail = conflicts.length ? `; changed since, left as they are: ${conflicts.join(', ')}` : '';
    say(`async-migrate: finished an interrupted --write: change set ${set.id} ${action} (${todo.length} of ${set.files.length} files written)${detail}`);
    done.push({ id: set.id, action, conflicts });
  }
  await removeJournal(journalDir);
  return done;
}

/**
 * Remove the temporary file of `file` left by the interrupted run (it may hold a partial text). The
 * writer creates these names exclusively after the journal is saved, so a file there is its own.
 */
async function removeOwnTempFile(file: JournalFile, fsx: WriteFs): Promise<void> {
  const temp = tempPathFor(file.target);
  const stat = await fsx.stat(temp).catch(() => undefined);
  if (stat?.isFile()) await fsx.removeFile(temp);
}

/**
 * Whether process `pid` is alive and, where /proc tells (Linux), is an async-migrate process (a pid
 * reused by another program after a crash does not count).
 */
async function isAsyncMigrateRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = await fsp.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.includes('async-migrate');
}

async function readBlob(journalDir: string, hash: string): Promise<string> {
  try {
    return await fsp.readFile(path.join(journalDir, `${hash}.blob`), 'utf8');
  } catch (error) {
    throw new UsageError(`the journal of an interrupted --write is missing a text (${hash}.blob): ${(error as Error).message}. Check the files it names with git, then delete ${journalPath(journalDir)}.`);
  }
}
