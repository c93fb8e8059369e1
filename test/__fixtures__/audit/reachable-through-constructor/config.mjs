import { readFileSync, statSync } from 'node:fs';

export class Config {
  // Field initialisers run in the constructor, each time `new Config()` runs.
  text = readFileSync('config.json', 'utf8');
  items = ['a', 'b'].map((name) => statSync(name).size);
  static defaults = readFileSync('defaults.json', 'utf8');
}

export class Untouched {
  cache = readFileSync('cache.json', 'utf8');

  constructor(name) {
    this.name = name;
  }
}
