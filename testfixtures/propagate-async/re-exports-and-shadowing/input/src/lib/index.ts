export * from './io';
export { default as lines, readText as text } from './io';
