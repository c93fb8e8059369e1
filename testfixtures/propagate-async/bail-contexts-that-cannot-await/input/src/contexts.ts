import { readFileSync } from 'fs';

function readVersion(): string {
  return readFileSync('VERSION', 'utf8');
}

function readName(): string {
  return readFileSync('NAME', 'utf8');
}

function readBanner(): string {
  return readFileSync('BANNER', 'utf8');
}

function* lines(): Generator<string> {
  yield readFileSync('LINES', 'utf8');
}

function readMotd(): string {
  return readFileSync('MOTD', 'utf8');
}

function* motd(): Generator<string> {
  yield readMotd();
}

export function allMotd(): string[] {
  // Spread consumes the generator synchronously: it cannot become an async generator.
  return [...motd()];
}

export class Info {
  banner = readBanner();

  get version(): string {
    return readVersion();
  }

  static {
    readName();
  }

  all(): string[] {
    return [...lines()];
  }
}

function readMode(): string {
  return readFileSync('MODE', 'utf8');
}

export function run(mode: string = readMode()): string {
  return mode;
}
