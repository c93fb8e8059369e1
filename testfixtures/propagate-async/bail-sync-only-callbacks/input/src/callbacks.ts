import { EventEmitter } from 'events';
import { readFileSync, statSync, writeFileSync } from 'fs';

function weight(file: string): number {
  return statSync(file).size;
}

export function sortBySize(files: string[]): string[] {
  return files.sort((a, b) => weight(a) - weight(b));
}

function touch(): void {
  readFileSync('heartbeat');
}

export function scheduleTouch(): void {
  setTimeout(() => touch(), 10);
}

function onData(chunk: string): void {
  writeFileSync('log.txt', chunk);
}

export function listen(emitter: EventEmitter): void {
  emitter.on('data', onData);
}

function flush(): void {
  writeFileSync('state.json', '{}');
}

process.on('exit', () => flush());

function readName(file: string): string {
  return readFileSync(file, 'utf8').trim();
}

export function names(files: string[]): string[] {
  return Array.from(files, (f) => readName(f));
}

export class Version {
  toString(): string {
    return readFileSync('VERSION', 'utf8');
  }
}
