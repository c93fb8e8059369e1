import { FileStore, type Reader } from './store';

const store = new FileStore();

export async function getDirect(key: string): Promise<string> {
  return store.read(key);
}

export async function getThrough(reader: Reader, key: string): Promise<string> {
  await Promise.resolve();
  return reader.read(key);
}
