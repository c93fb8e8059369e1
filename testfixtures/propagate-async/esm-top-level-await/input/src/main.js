import { loadConfig } from './config.js';

const config = loadConfig(process.argv[2] ?? 'config.json');
console.log(`port ${loadConfig('defaults.json').port} → ${config.port}`);
