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
 * A mock pins only what it mocks (issue 11, item 1): the names a factory mock's object defines
 * (src/core/fs-mock-factory.ts; every function for an automock `jest.mock('fs')`), of the module it
 * names (a mock of `fs` covers fs-extra and graceful-fs calls too, not the other way round), in the
 * files the mocking test file reaches through its imports (src/core/import-reach.ts).
 *
 * The scan is textual (regular expressions over each file), so it can see a mock that is not one —
 * the safe direction: a call is only left alone. mock-fs is not listed: it replaces fs at the binding
 * layer, under fs/promises too (mock-fs README, "fs.promises").
 */
import { ALL_SYNC_NAMES } from './fs-api';
import { mockedNames, objectKeys } from './fs-mock-factory';
import { importReach } from './import-reach';

/** The fs modules a mock may replace, normalised (no `node:` prefix). */
export type FsMockModule = 'fs' | 'fs-extra' | 'graceful-fs';

/** One mock of sync fs functions: where, how, which module, which names, and which files it reaches. */
export interface FsMock {
  /** Display path and 1-based line of the mock. */
  file: string;
  line: number;
  /** `jest.spyOn`, `jest.mock of the fs module`, `assignment`, … */
  how: string;
  /** The module replaced; undefined when the text does not say (`spyOn(x, 'readFileSync')`): any fs module. */
  module?: FsMockModule;
  /** The sync names replaced; `'*'`: every function of the module (an automock, a factory not understood). */
  names: string[] | '*';
  /**
   * Display paths of the files the mocking file reaches through its imports, itself included
   * (src/core/import-reach.ts); `'*'` when an import could not be resolved: every file.
   */
  reach: string[] | '*';
}

/** Every mock found in a run's files. Plain data (it crosses to worker threads). */
export type FsMocks = FsMock[];

const FS_MODULE = String.raw`(?:node:)?(fs|fs-extra|graceful-fs)`;
const SYNC_NAMES = new Set(ALL_SYNC_NAMES);
/** `jest.mock('fs')`, `vi.mock("node:fs", …)`, `jest.doMock`, `jest.unstable_mockModule`, `td.replace('fs')`, `mock.module('fs')`. */
const MODULE_MOCK = new RegExp(String.raw`\b(jest|vi|td|mock)\.(?:mock|doMock|unstable_mockModule|replace|replaceEsm|module)\s*\(\s*(['"\`])${FS_MODULE}\2`, 'g');
/** proxyquire('./x', { fs: … }), esmock, require-inject, mock-require, rewire's __set__('fs', …): an `fs` key or argument. */
const LOADER_MOCK = /\b(proxyquire|esmock|requireInject|mockRequire|__set__)\b[\s\S]{0,400}?(?:[{,]\s*(['"]?)(?:node:)?(fs|fs-extra|graceful-fs)\2\s*:\s*|__set__\s*\(\s*['"](fs)['"])/g;
/** `spyOn(x, 'readFileSync')`, `stub(x, 'readFileSync')`, `method(x, 'readFileSync')`, `replace(x, 'readFileSync', …)`. */
const METHOD_MOCK = /\b(spyOn|stub|method|replace|mockMethod)\s*\(\s*([\w$.]+)\s*,\s*(['"`])(\w+Sync)\3/g;
/** `fs.readFileSync = …` (not `==`). */
const ASSIGNMENT = /\b([\w$]+)\.(\w+Sync)\s*=(?!=)/g;

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** The fs module a receiver name is bound to in `text` (`import * as fs from 'fs'`, `const fse = require('fs-extra')`), if it says. */
function moduleOfReceiver(text: string, receiver: string): FsMockModule | undefined {
  const name = receiver.split('.')[0].replace(/[$]/g, '\\$');
  const binding = new RegExp(String.raw`(?:import\s+(?:\*\s*as\s+)?${name}\s+from|(?:const|let|var|import)\s+${name}\s*=\s*require\s*\()\s*['"]${FS_MODULE}['"]`).exec(text);
  return binding ? (binding[1] as FsMockModule) : undefined;
}

/**
 * Scan files for mocks of sync fs functions.
 * @param files display path → text (every file of the run: mocks are found in test files, and the
 *   other files are what a mocking test file reaches through its imports)
 * @returns the mocks, in file order; empty when none
 */
export function findFsMocks(files: Iterable<[string, string]>): FsMocks {
  const texts = new Map(files);
  const found: Omit<FsMock, 'reach'>[] = [];
  for (const [file, text] of texts) {
    if (!/mock|stub|spyOn|proxyquire|inject|rewire|Sync\s*=/i.test(text)) continue;
    const at = (index: number | undefined) => ({ file, line: lineAt(text, index ?? 0) });
    for (const m of text.matchAll(MODULE_MOCK)) found.push({ ...at(m.index), how: `${m[1]}.mock of the fs module`, module: m[3] as FsMockModule, names: mockedNames(text, (m.index ?? 0) + m[0].length) });
    for (const m of text.matchAll(LOADER_MOCK)) {
      const end = (m.index ?? 0) + m[0].length;
      const names = m[4] === undefined && text[end] === '{' ? objectKeys(text, end) : '*';
      found.push({ ...at(m.index), how: `${m[1]} with an fs replacement`, module: (m[3] ?? m[4]) as FsMockModule, names });
    }
    for (const m of text.matchAll(METHOD_MOCK)) if (SYNC_NAMES.has(m[4])) found.push({ ...at(m.index), how: m[1], module: moduleOfReceiver(text, m[2]), names: [m[4]] });
    for (const m of text.matchAll(ASSIGNMENT)) if (SYNC_NAMES.has(m[2])) found.push({ ...at(m.index), how: 'assignment', module: moduleOfReceiver(text, m[1]), names: [m[2]] });
  }
  const reach = importReach(texts, new Set(found.map((m) => m.file)));
  return found.map((m) => ({ ...m, reach: reach.get(m.file) ?? '*' }));
}

/** Where a sync call is, for {@link mockFor}: its file (display path) and the module it calls, when known. */
export interface MockedCallSite {
  file?: string;
  /** The module specifier the call goes through (`fs`, `node:fs`, `fs-extra`, a `fsModules` entry). */
  module?: string;
}

/**
 * Which mocked module replaces calls of which module: a mock of `fs` reaches fs-extra and
 * graceful-fs too (both call node's fs, and jest's module registry hands them the mock); a mock of
 * graceful-fs reaches fs-extra (built on it); a mock of fs-extra reaches only fs-extra.
 */
function covers(mocked: FsMockModule | undefined, called: string | undefined): boolean {
  if (mocked === undefined || called === undefined || mocked === 'fs') return true;
  const module = called.replace(/^node:/, '');
  return module === mocked || (mocked === 'graceful-fs' && module === 'fs-extra');
}

const reachSets = new WeakMap<FsMock, Set<string>>();
const reaches = (mock: FsMock, file: string | undefined): boolean => {
  if (file === undefined || mock.reach === '*') return true;
  let set = reachSets.get(mock);
  if (!set) reachSets.set(mock, (set = new Set(mock.reach)));
  return set.has(file.split('\\').join('/'));
};

/**
 * The mock that covers a sync call, if any: a mock of that name (or of every function) of the call's
 * module (see `covers`), made in a test file that reaches the call's file through its imports.
 * Without `site.file`/`site.module`, any file/module matches (the safe direction).
 */
export function mockFor(mocks: FsMocks | undefined, syncName: string, site: MockedCallSite = {}): FsMock | undefined {
  if (!Array.isArray(mocks)) return undefined;
  return mocks.find((mock) => (mock.names === '*' || mock.names.includes(syncName)) && covers(mock.module, site.module) && reaches(mock, site.file));
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
