import { makeReader, readJson, readText } from './store';

declare function log(...values: unknown[]): void;

export async function member(file: string) {
  return (await readJson(file)).name;
}

export async function callResult(file: string) {
  (await makeReader(file))();
}

export async function optional(store: { readText?: typeof readText } | undefined, file: string) {
  const text = await store?.readText?.(file);
  return (await readText(file))?.length;
}

export async function condition(file: string) {
  if (await readText(file)) {
    log('non-empty');
  }
  while (!(await readText(file))) log('empty');
  return (await readText(file)) ? 1 : 0;
}

export async function template(file: string) {
  log(`text: ${await readText(file)}`, {
    text: await readText(file),
    length: (await readText(file)).length
  });
}

export async function chained(file: string) {
  return (await readText(file)).trim().split('\n');
}

export async function returnOutsideTry(file: string) {
  return readText(file);
}

export async function returnInTry(file: string) {
  try {
    return await readText(file);
  } catch {
    return '';
  }
}

export async function returnInCatchBeforeFinally(file: string) {
  try {
    log('first');
  } catch {
    return await readText(file);
  } finally {
    log('done');
  }
  return '';
}

export async function returnInUsing(file: string) {
  using handle = { [Symbol.dispose]() {} };
  return await readText(file);
}

export async function alreadyAsync(file: string) {
  const text = await readText(file);
  return text + (await Promise.resolve(''));
}

export function alreadyAwaited(file: string) {
  return Promise.all([readText(file)]).then(([text]) => text);
}
