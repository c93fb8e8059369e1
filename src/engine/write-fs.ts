/**
 * The file-system operations `--write` uses, behind one small interface so tests can inject faults
 * (a rename that fails, a disk that fills up) that cannot be produced for real when tests run as root.
 *
 * Temporary files: `.<name>.async-migrate.tmp` beside the file they replace (same folder, hence the
 * same file system, so `rename` replaces the file atomically — POSIX rename(2)). The name is fixed, and
 * created exclusively (`wx`): a leftover of someone else's is never overwritten (the write fails and
 * names it), and the journal of an interrupted run can name the temporary files to remove.
 */
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';

/** What the transactional writer needs from the file system (all paths absolute). */
export interface WriteFs {
  readFile(file: string): Promise<Buffer>;
  /** `lstat`-free stat of the file itself (mode, owner, type). */
  stat(file: string): Promise<{ mode: number; uid: number; gid: number; isFile(): boolean }>;
  realpath(file: string): Promise<string>;
  /**
   * Create `file` (failing if anything exists there), write `text` as UTF-8, flush it to disk, then
   * give it `mode` (and the owner, when the process may).
   */
  createFile(file: string, text: string, mode: number, owner?: { uid: number; gid: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Remove a file; a missing file is not an error. */
  removeFile(file: string): Promise<void>;
}

/** The real file system. */
export const nodeWriteFs: WriteFs = {
  readFile: (file) => fsp.readFile(file),
  stat: (file) => fsp.stat(file),
  realpath: (file) => fsp.realpath(file),
  async createFile(file, text, mode, owner) {
    const handle = await fsp.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.chmod(file, mode & 0o7777);
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) await fsp.chown(file, owner.uid, owner.gid).catch(() => undefined);
  },
  rename: (from, to) => fsp.rename(from, to),
  removeFile: (file) => fsp.rm(file, { force: true }),
};

/** Path of the temporary file that replaces `file`. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.async-migrate.tmp`);
}

/** sha256 of a text's UTF-8 bytes (or of raw bytes), hex. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
