import * as fs from 'fs';

export class Catalog {
  private readonly entries: string[];

  constructor(file: string) {
    this.entries = fs.readFileSync(file, 'utf8').split('\n');
  }

  size(): number {
    return this.entries.length;
  }
}

export async function loadCatalogText(file: string): Promise<string> {
  return fs.readFileSync(file, 'utf8');
}

export async function headerOf(file: string): Promise<string> {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(16);
  fs.readSync(fd, buffer, 0, 16, 0);
  fs.closeSync(fd);
  return buffer.toString('utf8');
}
