import { readFileSync } from 'fs';

// A store whose interface promises sync reads: its *Sync implementations stay sync, the one
// without I/O included.
export interface SyncStore {
  read(): string;
}

export class FileStoreSync implements SyncStore {
  constructor(private readonly file: string) {}

  read(): string {
    return readFileSync(this.file, 'utf8');
  }
}

export class MemoryStoreSync implements SyncStore {
  read(): string {
    return 'in memory';
  }
}

export function describeStore(store: SyncStore): string {
  return `store: ${store.read()}`;
}
