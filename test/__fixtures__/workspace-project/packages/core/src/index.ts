export { readSettings, type Settings } from './settings';
export { cacheSize } from './cache';
