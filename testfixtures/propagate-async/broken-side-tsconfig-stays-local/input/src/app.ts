import { loadConfig } from './config';

export async function start(): Promise<string> {
  return loadConfig('app.json').name;
}
