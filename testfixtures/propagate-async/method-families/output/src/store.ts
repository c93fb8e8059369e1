import { readFile } from 'fs/promises';

export interface Store {
  load(key: string): Promise<string>;
  keys(): string[];
}

export class FileStore implements Store {
  constructor(private readonly dir: string) {}

  async load(key: string): Promise<string> {
    return await readFile(`${this.dir}/${key}`, 'utf8');
  }

  keys(): string[] {
    return ['a'];
  }
}

export class MemoryStore implements Store {
  private readonly data = new Map<string, string>();

  async load(key: string): Promise<string> {
    return this.data.get(key) ?? '';
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}
