export { resolveFrom } from './resolve';
