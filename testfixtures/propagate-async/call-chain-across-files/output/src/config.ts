import { readFile } from 'fs/promises';

export interface Config {
  name: string;
}

async function readRaw(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export async function loadConfig(file: string): Promise<Config> {
  const text = await readRaw(file);
  return JSON.parse(text) as Config;
}

export async function configName(file: string): Promise<string> {
  return (await loadConfig(file)).name;
}
