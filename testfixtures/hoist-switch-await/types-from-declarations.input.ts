declare function write(key: string, value: Buffer | boolean, mode?: string | number): Promise<void>;

const DEFAULT_MODE = 'append';

export async function save(key: string, value: Buffer, backupKey: string, backup: boolean, force: boolean = false) {
  let mode = 'overwrite';
  if (force) {
    return await write(key, value, mode);
  } else if (backup) {
    return await write(backupKey, value, 'rotate' as 'rotate' | 'keep');
  } else {
    return await write(key, value, DEFAULT_MODE);
  }
}

export async function flag(on: boolean, key: string, limit?: number) {
  if (on) {
    return await write(key, true, limit);
  } else {
    return await write(key, false, 10);
  }
}
