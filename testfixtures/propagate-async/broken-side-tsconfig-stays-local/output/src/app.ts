import { loadConfig } from './config';

export async function start(): Promise<string> {
  return (await loadConfig('app.json')).name;
}
