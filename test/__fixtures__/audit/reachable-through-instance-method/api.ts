import { FileStore, type Reader } from './store';
import { Cache } from './cache';

const store = new FileStore();

export async function getDirect(key: string): Promise<string> {
  return store.read(key);
}

export async function getThrough(reader: Reader, key: string): Promise<string> {
  await Promise.resolve();
  return reader.read(key);
}

const cache = new Cache();

export async function getCached(key: string): Promise<string> {
  return cache.read(key);
}
