import { createRequire } from 'node:module';
import { Report } from './report.mjs';
import { Config } from './config.mjs';

const require = createRequire(import.meta.url);
const { Settings } = require('./settings.js');

export async function handle(request) {
  const settings = new Settings('settings.json');
  return new Report(settings).render(request);
}

export async function configure() {
  await Promise.resolve();
  return new Config().text;
}
