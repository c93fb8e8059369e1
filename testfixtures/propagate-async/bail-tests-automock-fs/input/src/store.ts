import * as fs from 'fs';

// The test replaces the whole fs module and loads this file: its sync calls stay sync (AM208).
export function readStore(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export function hasStore(file: string): boolean {
  return fs.existsSync(file);
}

// Pinned by the constructor anyway: the structural reason is the one reported (AM101).
function readDefaults(): string {
  return fs.readFileSync('defaults.json', 'utf8');
}

export class Store {
  readonly defaults: string;
  constructor() {
    this.defaults = readDefaults();
  }
}
