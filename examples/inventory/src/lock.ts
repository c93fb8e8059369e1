import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';

/** Another process holds the lock. */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw err;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock file if this process holds it. Must stay cheap: it runs on exit. */
export function releaseLock(lockFile: string): void {
  if (readLockHolder(lockFile) === process.pid) {
    unlinkSync(lockFile);
  }
}

/**
 * Takes the lock for commands that change the inventory, so two terminals cannot
 * overwrite each other's changes. A lock left by a dead process is taken over.
 * Returns the function that releases it; the lock is also released if the process exits.
 */
export function acquireLock(lockFile: string): () => void {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw err;
    }
    const holder = readLockHolder(lockFile);
    if (holder !== undefined && isProcessAlive(holder)) {
      throw new LockError(`Inventory is locked by process ${holder} (${lockFile})`);
    }
    writeFileSync(lockFile, `${process.pid}\n`);
  }

  const onExit = () => releaseLock(lockFile);
  process.on('exit', onExit);
  return () => {
    process.removeListener('exit', onExit);
    releaseLock(lockFile);
  };
}
