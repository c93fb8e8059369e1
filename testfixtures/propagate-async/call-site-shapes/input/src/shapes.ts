import { makeReader, readJson, readText } from './store';

declare function log(...values: unknown[]): void;

export function member(file: string) {
  return readJson(file).name;
}

export function callResult(file: string) {
  makeReader(file)();
}

export function optional(store: { readText?: typeof readText } | undefined, file: string) {
  const text = store?.readText?.(file);
  return readText(file)?.length;
}

export function condition(file: string) {
  if (readText(file)) {
    log('non-empty');
  }
  while (!readText(file)) log('empty');
  return readText(file) ? 1 : 0;
}

export function template(file: string) {
  log(`text: ${readText(file)}`, { text: readText(file), length: readText(file).length });
}

export function chained(file: string) {
  return readText(file).trim().split('\n');
}

export function returnOutsideTry(file: string) {
  return readText(file);
}

export function returnInTry(file: string) {
  try {
    return readText(file);
  } catch {
    return '';
  }
}

export function returnInCatchBeforeFinally(file: string) {
  try {
    log('first');
  } catch {
    return readText(file);
  } finally {
    log('done');
  }
  return '';
}

export function returnInUsing(file: string) {
  using handle = { [Symbol.dispose]() {} };
  return readText(file);
}

export async function alreadyAsync(file: string) {
  const text = readText(file);
  return text + (await Promise.resolve(''));
}

export function alreadyAwaited(file: string) {
  return Promise.all([readText(file)]).then(([text]) => text);
}
