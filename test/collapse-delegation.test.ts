/**
 * collapse-delegation behaviour that fixtures cannot express: the project-analysis hook
 * (`options.promiseCallees`, a function-bearing object) and option validation.
 */
import { applyTransform, type TransformModule } from '../src/engine/apply';
import * as collapseDelegation from '../transforms/collapse-delegation';
import type { CalleeFacts, CalleeQuery, PromiseCalleeOracle } from '../src/core/promise-callees';

const transform = collapseDelegation as unknown as TransformModule;

const IMPORTED = `import { readFile } from 'node:fs/promises';

export async function readText(path: string): Promise<string> {
  return await readFile(path, 'utf8');
}
`;

/** An oracle that answers `facts` for every callee and records the queries it got. */
function oracleAnswering(facts: CalleeFacts | undefined): PromiseCalleeOracle & { queries: CalleeQuery[] } {
  const queries: CalleeQuery[] = [];
  return {
    queries,
    describeCallee(query) {
      queries.push(query);
      return facts;
    },
  };
}

describe('collapse-delegation with a project-analysis oracle', () => {
  test('collapses a wrapper of an imported callee the oracle vouches for, and names the call by offsets', () => {
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: true, basis: 'async function in fs/promises' });
    const result = applyTransform(transform, 'src/read.ts', IMPORTED, { promiseCallees: oracle });
    expect(result.output).toBe(IMPORTED.replace('export async function', 'export function').replace('return await readFile', 'return readFile'));
    expect(result.findings.map((f) => [f.kind, f.code])).toEqual([['rewritten', 'AM500']]);
    expect(oracle.queries).toHaveLength(1);
    const q = oracle.queries[0];
    expect(IMPORTED.slice(q.start, q.end)).toBe("readFile(path, 'utf8')");
    expect([q.file, q.line, q.column, q.callee]).toEqual(['src/read.ts', 4, 16, 'readFile']);
    expect(q.source).toBe(IMPORTED);
    expect(q.origin).toEqual({ module: 'node:fs/promises', imported: 'readFile' });
  });

  test('names the module origin of required, namespace and default-imported callees', () => {
    const source = `import * as db from './db';
import open from './open';
const { save: store } = require('./store');
const loader = require('./loader');
import reader = require('./reader');
const local = { get: async (x: string) => x };

export const a = async (x: string) => await db.find(x);
export const b = async (x: string) => await open(x);
export const c = async (x: string) => await store(x);
export const d = async (x: string) => await loader(x);
export const e = async (x: string) => await loader.load(x);
export const f = async (x: string) => await reader(x);
export const g = async (x: string) => await local.get(x);
`;
    const oracle = oracleAnswering(undefined);
    applyTransform(transform, 'src/x.ts', source, { promiseCallees: oracle });
    expect(oracle.queries.map((q) => [q.callee, q.origin])).toEqual([
      ['db.find', { module: './db', imported: 'find' }],
      ['open', { module: './open', imported: 'default' }],
      ['store', { module: './store', imported: 'save' }],
      ['loader', { module: './loader', imported: '=' }],
      ['loader.load', { module: './loader', imported: 'load' }],
      ['reader', { module: './reader', imported: '=' }],
      ['local.get', undefined],
    ]);
  });

  test('offsets index the text as given when it starts with a byte order mark', () => {
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: true, basis: 'test' });
    const source = `\uFEFF${IMPORTED}`;
    const result = applyTransform(transform, 'src/read.ts', source, { promiseCallees: oracle });
    expect(source.slice(oracle.queries[0].start, oracle.queries[0].end)).toBe("readFile(path, 'utf8')");
    expect(result.output?.startsWith('\uFEFFimport')).toBe(true);
  });

  test('refuses with AM503 when the callee returns a promise but may throw synchronously', () => {
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: false, basis: 'signature returns Promise<string>' });
    const result = applyTransform(transform, 'src/read.ts', IMPORTED, { promiseCallees: oracle });
    expect(result.output).toBeUndefined();
    expect(result.findings.map((f) => [f.kind, f.code])).toEqual([['left-alone', 'AM503']]);
  });

  test('refuses with AM501 when the oracle does not know the callee or says it may not return a promise', () => {
    for (const facts of [undefined, { returnsPromise: false, neverThrowsSync: true, basis: 'returns string | Promise<string>' }]) {
      const result = applyTransform(transform, 'src/read.ts', IMPORTED, { promiseCallees: oracleAnswering(facts) });
      expect(result.output).toBeUndefined();
      expect(result.findings.map((f) => f.code)).toEqual(['AM501']);
    }
  });

  test('is not asked when the file knows the callee; the arguments are still checked', () => {
    const source = `async function f(a) {\n  return await g(a.b);\n}\nasync function g(x) {\n  return x;\n}\n`;
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: true, basis: 'test' });
    const result = applyTransform(transform, 'a.js', source, { promiseCallees: oracle });
    expect(result.output).toBeUndefined();
    expect(result.findings.map((f) => f.code)).toEqual(['AM502']);
    expect(oracle.queries).toHaveLength(0);
  });

  test('is not asked when evaluating the callee runs code (call, computed or optional access)', () => {
    const source = `async function f(a) {\n  return await getStore().read(a);\n}\nconst h = async (a) => await stores[a].read(a);\n`;
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: true, basis: 'test' });
    const result = applyTransform(transform, 'a.js', source, { promiseCallees: oracle });
    expect(result.output).toBeUndefined();
    expect(result.findings.map((f) => f.code)).toEqual(['AM503', 'AM503']);
    expect(oracle.queries).toHaveLength(0);
  });

  test('cannot lift a temporal-dead-zone refusal', () => {
    const source = `const f = async (a) => await g(a);\nconst g = async (x) => x;\n`;
    const oracle = oracleAnswering({ returnsPromise: true, neverThrowsSync: true, basis: 'test' });
    const result = applyTransform(transform, 'a.js', source, { promiseCallees: oracle });
    expect(result.output).toBeUndefined();
    expect(result.findings.map((f) => f.code)).toEqual(['AM503']);
    expect(oracle.queries).toHaveLength(0);
  });
});

describe('collapse-delegation options', () => {
  test('rejects a promiseCallees option without describeCallee', () => {
    expect(() => applyTransform(transform, 'a.js', IMPORTED, { promiseCallees: {} })).toThrow(/describeCallee/);
  });

  test('rejects a non-boolean collapseThisCalls', () => {
    expect(() => applyTransform(transform, 'a.js', IMPORTED, { collapseThisCalls: 'no' })).toThrow(/collapseThisCalls/);
  });

  test('meta.mightApply skips files without async', () => {
    expect(collapseDelegation.meta.mightApply('function f() { return g(); }', {})).toBe(false);
    expect(collapseDelegation.meta.mightApply('const f = async () => g();', {})).toBe(true);
  });
});
