import { loadConfig } from './config.js';

const config = await loadConfig(process.argv[2] ?? 'config.json');
console.log(
  `port ${(await loadConfig('defaults.json')).port} → ${config.port}`
);
