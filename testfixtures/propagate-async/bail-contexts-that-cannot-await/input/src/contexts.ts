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
  // Spread inside an expression consumes the generator synchronously: it cannot become an async
  // generator (no statement of its own to hold a for await loop, and this lib has no Array.fromAsync).
  return [...motd()].map((line) => line.trim());
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
    return [...lines()].filter((line) => line.length > 0);
  }
}

function readMode(): string {
  return readFileSync('MODE', 'utf8');
}

export function run(mode: string = readMode()): string {
  return mode;
}
