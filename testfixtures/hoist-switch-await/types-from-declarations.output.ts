declare function write(key: string, value: Buffer | boolean, mode?: string | number): Promise<void>;

const DEFAULT_MODE = 'append';

export async function save(key: string, value: Buffer, backupKey: string, backup: boolean, force: boolean = false) {
  let mode = 'overwrite';
  let writeArg1: string;
  let writeArg3: string;
  if (force) {
    writeArg1 = key;
    writeArg3 = mode;
  } else if (backup) {
    writeArg1 = backupKey;
    writeArg3 = 'rotate' as 'rotate' | 'keep';
  } else {
    writeArg1 = key;
    writeArg3 = DEFAULT_MODE;
  }
  return await write(writeArg1, value, writeArg3);
}

export async function flag(on: boolean, key: string, limit?: number) {
  let writeArg2: boolean;
  let writeArg3: number | undefined;
  if (on) {
    writeArg2 = true;
    writeArg3 = limit;
  } else {
    writeArg2 = false;
    writeArg3 = 10;
  }
  return await write(key, writeArg2, writeArg3);
}
