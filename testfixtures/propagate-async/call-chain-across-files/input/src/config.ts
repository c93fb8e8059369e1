import { readFileSync } from 'fs';

export interface Config {
  name: string;
}

function readRaw(file: string): string {
  return readFileSync(file, 'utf8');
}

export function loadConfig(file: string): Config {
  const text = readRaw(file);
  return JSON.parse(text) as Config;
}

export function configName(file: string): string {
  return loadConfig(file).name;
}
