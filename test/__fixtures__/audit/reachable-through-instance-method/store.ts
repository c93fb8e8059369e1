import { readFileSync } from 'fs';

export interface Reader {
  read(key: string): string;
}

export class FileStore implements Reader {
  read(key: string): string {
    return readFileSync(`data/${key}`, 'utf8');
  }
}
