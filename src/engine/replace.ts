/**
 * Replace a group of files together: every new text goes to a temporary file beside its file first,
 * then the temporary files are renamed over the files one after the other. When a step fails, the
 * files already renamed get their previous text back (by the same temp-and-rename), the remaining
 * temporary files are removed, and the failure names the file and the error. Nothing here decides
 * *whether* to write (that is src/engine/transaction.ts); this is the mechanism, shared with the
 * journal's recovery (src/engine/journal.ts).
 *
 * Temporary files created and not yet renamed are tracked, so a SIGINT/SIGTERM handler can remove
 * them synchronously ({@link removeLiveTempFilesSync}).
 *
 * Test hook: with `ASYNC_MIGRATE_TEST_KILL_AFTER_RENAMES=<n>` in the environment, the process sends
 * itself SIGKILL right after its n-th rename (or the signal named by `ASYNC_MIGRATE_TEST_KILL_SIGNAL`,
 * e.g. SIGTERM), so test/write-cli.test.ts can interrupt a `--write` between two renames as a power
 * cut, `kill -9` or Ctrl-C would.
 */
import * as fs from 'fs';
import { tempPathFor, type WriteFs } from './write-fs';

/** One file to replace. */
export interface Replacement {
  /** Absolute real path of the file. */
  target: string;
  /** Text the file has now (written back if the group fails after this file was renamed). */
  before: string;
  /** Text to put there. */
  after: string;
  /** Mode bits to give the new file (the old file's). */
  mode: number;
  owner?: { uid: number; gid: number };
}

/** Why a group was not (wholly) written. */
export interface ReplaceFailure {
  /** The file whose step failed. */
  target: string;
  message: string;
  /** Files renamed before the failure whose previous text could not be put back (each with the error). */
  notRestored: { target: string; message: string }[];
}

const liveTemps = new Set<string>();
let renamesDone = 0;

/**
 * Replace every file of `group`, all or none.
 * @returns undefined when every file was replaced, else the failure (the group's files then hold
 *   their previous texts, except those listed in `notRestored`)
 */
export async function replaceAll(group: readonly Replacement[], fsx: WriteFs): Promise<ReplaceFailure | undefined> {
  const created: string[] = [];
  const renamed: Replacement[] = [];
  let failure: ReplaceFailure | undefined;
  try {
    for (const item of group) {
      const temp = tempPathFor(item.target);
      try {
        liveTemps.add(temp);
        await fsx.createFile(temp, item.after, item.mode, item.owner);
        created.push(temp);
      } catch (error) {
        liveTemps.delete(temp);
        if (!isExists(error)) await fsx.removeFile(temp).catch(() => undefined); // a partial file of ours
        failure = { target: item.target, message: describe(error, temp), notRestored: [] };
        return failure;
      }
    }
    for (const item of group) {
      try {
        await fsx.rename(tempPathFor(item.target), item.target);
      } catch (error) {
        failure = { target: item.target, message: describe(error), notRestored: [] };
        failure.notRestored = await restore(renamed, fsx);
        return failure;
      }
      liveTemps.delete(tempPathFor(item.target));
      renamed.push(item);
      afterRename();
    }
    return undefined;
  } finally {
    for (const temp of created) {
      if (!liveTemps.has(temp)) continue;
      await fsx.removeFile(temp).catch(() => undefined);
      liveTemps.delete(temp);
    }
  }
}

/** Put the previous text back into files already renamed; returns the files where that failed. */
async function restore(renamed: readonly Replacement[], fsx: WriteFs): Promise<{ target: string; message: string }[]> {
  const failed: { target: string; message: string }[] = [];
  for (const item of renamed) {
    const temp = tempPathFor(item.target);
    try {
      liveTemps.add(temp);
      await fsx.createFile(temp, item.before, item.mode, item.owner);
      await fsx.rename(temp, item.target);
      liveTemps.delete(temp);
    } catch (error) {
      failed.push({ target: item.target, message: describe(error, temp) });
      if (!isExists(error)) await fsx.removeFile(temp).catch(() => undefined);
      liveTemps.delete(temp);
    }
  }
  return failed;
}

/**
 * Remove, synchronously, every temporary file created and not yet renamed (for signal handlers,
 * which cannot wait for promises).
 * @returns the paths removed
 */
export function removeLiveTempFilesSync(): string[] {
  const removed: string[] = [];
  for (const temp of liveTemps) {
    try {
      fs.rmSync(temp, { force: true });
      removed.push(temp);
    } catch {
      // nothing more can be done while the process is going down
    }
  }
  liveTemps.clear();
  return removed;
}

/** The test hook described in the file comment. */
function afterRename(): void {
  renamesDone++;
  const limit = Number(process.env.ASYNC_MIGRATE_TEST_KILL_AFTER_RENAMES);
  if (Number.isInteger(limit) && limit > 0 && renamesDone === limit) process.kill(process.pid, process.env.ASYNC_MIGRATE_TEST_KILL_SIGNAL || 'SIGKILL');
}

function isExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EEXIST';
}

function describe(error: unknown, temp?: string): string {
  const err = error as NodeJS.ErrnoException;
  const base = err instanceof Error ? err.message : String(error);
  if (temp && isExists(err)) return `cannot create the temporary file ${temp}: something is already there (remove it if it is a leftover)`;
  return base;
}
