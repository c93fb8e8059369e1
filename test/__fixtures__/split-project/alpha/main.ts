import { loadConfig } from './config';

export function start(file: string): string {
  const config = loadConfig(file);
  return Object.keys(config).join(',');
}
