/**
 * Sync fs functions that the project's tests replace with mocks.
 *
 * A test that stubs `fs.readFileSync` (`jest.spyOn(fs, 'readFileSync')`, `sinon.stub(fs, …)`,
 * `mock.method(fs, …)` of node:test, `fs.readFileSync = jest.fn()`) or the whole module
 * (`jest.mock('fs')`, `vi.mock('node:fs', …)`, proxyquire / esmock / require-inject with an `fs` key)
 * intercepts the sync call only: after a rewrite to `readFile` from `fs/promises`, the code under test
 * reaches the real file system and the test changes meaning. So those calls stay sync (AM208), in
 * fs-promises and as propagate-async seeds.
 *
 * The scan is textual (regular expressions over each file), so it can see a mock that is not one —
 * the safe direction: a call is only left alone. mock-fs is not listed: it replaces fs at the binding
 * layer, under fs/promises too (mock-fs README, "fs.promises").
 */
import { ALL_SYNC_NAMES } from './fs-api';

/** Where a sync fs function is mocked: display path and 1-based line, and how. */
export interface FsMock {
  file: string;
  line: number;
  /** `jest.spyOn`, `jest.mock('fs')`, `assignment`, … */
  how: string;
}

/**
 * Mocked sync names → where; the key `*` means the whole fs module (or fs-extra, graceful-fs) is
 * replaced, so every sync call counts as mocked. Plain data (it crosses to worker threads).
 */
export type FsMocks = Record<string, FsMock>;

const FS_MODULE = String.raw`(?:node:)?(?:fs|fs-extra|graceful-fs)`;
const SYNC_NAMES = new Set(ALL_SYNC_NAMES);
/** `jest.mock('fs')`, `vi.mock("node:fs", …)`, `jest.doMock`, `jest.unstable_mockModule`, `td.replace('fs')`, `mock.module('fs')`. */
const MODULE_MOCK = new RegExp(String.raw`\b(jest|vi|td|mock)\.(?:mock|doMock|unstable_mockModule|replace|replaceEsm|module)\s*\(\s*(['"\`])${FS_MODULE}\2`, 'g');
/** proxyquire('./x', { fs: … }), esmock, require-inject, mock-require, rewire's __set__('fs', …): an `fs` key or argument. */
const LOADER_MOCK = /\b(proxyquire|esmock|requireInject|mockRequire|__set__)\b[\s\S]{0,400}?(?:[{,]\s*(['"]?)(?:node:)?(?:fs|fs-extra|graceful-fs)\2\s*:|__set__\s*\(\s*['"]fs['"])/g;
/** `spyOn(x, 'readFileSync')`, `stub(x, 'readFileSync')`, `method(x, 'readFileSync')`, `replace(x, 'readFileSync', …)`. */
const METHOD_MOCK = /\b(spyOn|stub|method|replace|mockMethod)\s*\(\s*[\w$.]+\s*,\s*(['"`])(\w+Sync)\2/g;
/** `fs.readFileSync = …` (not `==`). */
const ASSIGNMENT = /\b[\w$]+\.(\w+Sync)\s*=(?!=)/g;

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Scan files for mocks of sync fs functions.
 * @param files display path → text (every file of the run; test files are where mocks are found)
 * @returns the mocked names (the first place each is mocked), `*` for a whole-module mock; empty when none
 */
export function findFsMocks(files: Iterable<[string, string]>): FsMocks {
  const mocks: FsMocks = {};
  const note = (name: string, mock: FsMock): void => {
    if (!mocks[name]) mocks[name] = mock;
  };
  for (const [file, text] of files) {
    if (!/mock|stub|spyOn|proxyquire|inject|rewire|Sync\s*=/i.test(text)) continue;
    for (const m of text.matchAll(MODULE_MOCK)) note('*', { file, line: lineAt(text, m.index ?? 0), how: `${m[1]}.mock of the fs module` });
    for (const m of text.matchAll(LOADER_MOCK)) note('*', { file, line: lineAt(text, m.index ?? 0), how: `${m[1]} with an fs replacement` });
    for (const m of text.matchAll(METHOD_MOCK)) if (SYNC_NAMES.has(m[3])) note(m[3], { file, line: lineAt(text, m.index ?? 0), how: m[1] });
    for (const m of text.matchAll(ASSIGNMENT)) if (SYNC_NAMES.has(m[1])) note(m[1], { file, line: lineAt(text, m.index ?? 0), how: 'assignment' });
  }
  return mocks;
}

/** The mock that covers a sync name, if any (a whole-module mock covers every name). */
export function mockFor(mocks: FsMocks | undefined, syncName: string): FsMock | undefined {
  if (!mocks) return undefined;
  return mocks[syncName] ?? mocks['*'];
}

/** The texts a run's prepare steps see (the engine's FileMap implements it). */
export type FileTexts = Pick<import('./transform').FileTexts, 'paths' | 'getOrThrow'>;

const scanned = new WeakMap<FileTexts, { signature: string; mocks: FsMocks }>();

/**
 * {@link findFsMocks} over a run's files, scanned once per FileMap: both propagate-async's and
 * fs-promises' prepare steps ask (the texts are the same originals for both, and on a retry).
 */
export function fsMocksOf(files: FileTexts): FsMocks {
  const paths = files.paths();
  const entries = paths.map((p) => [p, files.getOrThrow(p)] as [string, string]);
  const signature = `${paths.length}:${entries.reduce((n, [p, text]) => n + p.length + text.length, 0)}`;
  const cached = scanned.get(files);
  if (cached && cached.signature === signature) return cached.mocks;
  const mocks = findFsMocks(entries);
  scanned.set(files, { signature, mocks });
  return mocks;
}
