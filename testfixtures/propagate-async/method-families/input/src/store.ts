import fs from 'fs';

export interface Store {
  load(key: string): string;
  keys(): string[];
}

export class FileStore implements Store {
  constructor(private readonly dir: string) {}

  load(key: string): string {
    return fs.readFileSync(`${this.dir}/${key}`, 'utf8');
  }

  keys(): string[] {
    return ['a'];
  }
}

export class MemoryStore implements Store {
  private readonly data = new Map<string, string>();

  load(key: string): string {
    return this.data.get(key) ?? '';
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}
