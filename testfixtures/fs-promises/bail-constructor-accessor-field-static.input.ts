import { readFileSync, existsSync } from 'fs';

export class Settings {
  static defaults = readFileSync('defaults.json', 'utf8');
  static {
    existsSync('settings.lock');
  }
  raw = readFileSync('settings.json', 'utf8');
  private data: string;

  constructor(file: string) {
    this.data = readFileSync(file, 'utf8');
  }

  get size(): number {
    return readFileSync('settings.json').length;
  }

  set path(value: string) {
    this.data = readFileSync(value, 'utf8');
  }

  async reload(file: string): Promise<void> {
    this.data = readFileSync(file, 'utf8');
  }
}
