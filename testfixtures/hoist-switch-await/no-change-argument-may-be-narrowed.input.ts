import { write } from './store';

// `backup` is `string | undefined` where it is declared but `string` where it is passed: a temporary
// typed from the declaration would be too wide for write(), so the chain is left alone.
export async function save(key: string, value: Buffer, backup?: string) {
  if (!backup) {
    return await write(key, value);
  } else {
    return await write(backup, value);
  }
}
