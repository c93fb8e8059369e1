/**
 * The extension point through which a transform asks "does this callee return a promise on every
 * path, and can calling it throw synchronously?" — the question collapse-delegation must answer
 * before it may turn `async function f(a) { return await g(a); }` into `function f(a) { return g(a); }`.
 *
 * Within one file, the transform answers for itself (a callee declared `async` in the same file,
 * resolved through scope). The project analysis (propagate-async's ts-morph program) can answer for
 * everything else — imported async functions, functions whose resolved signature returns
 * `Promise<T>` — by passing an object implementing {@link PromiseCalleeOracle} as
 * `options.promiseCallees`. jscodeshift passes options through untouched, so the hook works both under
 * the engine and when a script calls the transform with its own options object; under the plain
 * jscodeshift CLI it is absent and only same-file answers are used.
 *
 * The query names the call by file, text and character offsets (not by AST node), so an oracle built
 * on another parser (the TypeScript compiler API, or TypeScript 7's) can find the same call in its
 * own tree, and, for imported callees, by module specifier and export name, which stay valid after
 * earlier pipeline stages have changed the text. Under the engine, a transform's `prepare` hook
 * (docs/cli.md) can hand the oracle to every file as `options.promiseCallees`.
 */
import * as path from 'path';

/**
 * Where a callee comes from when it is another module's export, so an oracle can answer from its
 * own table of functions (for example the Plan's "functions made async") without positions:
 * - `import { load } from './db'`, `const { load } = require('./db')`, `db.load` with
 *   `import * as db from './db'` or `const db = require('./db')` → `{ module: './db', imported: 'load' }`;
 * - `import load from './db'` → `imported: 'default'`;
 * - `const load = require('./load')` or TypeScript `import load = require('./load')` → `imported: '='`
 *   (the whole module value, CommonJS `module.exports`).
 * `module` is the specifier as written; resolving it is the oracle's job.
 */
export interface CalleeOrigin {
  module: string;
  imported: string;
}

/** One call whose callee the transform wants to know about. */
export interface CalleeQuery {
  /** The file path as the transform was given it (`file.path`). */
  file: string;
  /**
   * The file's text as this transform sees it. In a pipeline, earlier stages may already have
   * changed it, so offsets below index this text, not necessarily the text the analysis read.
   */
  source: string;
  /** The callee's module origin, when it is an import or require (see {@link CalleeOrigin}). */
  origin?: CalleeOrigin;
  /** Offset (UTF-16 code units, 0-based) of the call expression's first character in `source`. */
  start: number;
  /** Offset just past the call expression's last character. */
  end: number;
  /** 1-based line of the call. */
  line: number;
  /** 1-based column of the call. */
  column: number;
  /** The callee as written, e.g. `g`, `this.load`, `store.read`. */
  callee: string;
}

/**
 * What is known about a callee. Both facts must be true for a wrapper to be collapsed.
 *
 * - `returnsPromise`: every call returns a native `Promise` (an `async` function; a function whose
 *   resolved return type is `Promise<T>` with no `any` and no union with non-promises). A
 *   `PromiseLike`/thenable does NOT count: once the wrapper stops being `async`, its callers would
 *   receive the bare thenable, which may lack `catch`/`finally`.
 * - `neverThrowsSync`: evaluating the callee expression and calling it cannot throw before the promise
 *   exists (true for an `async` function reached through an initialised binding; false for an ordinary
 *   function that merely returns a promise, since it may throw while validating its arguments). The
 *   transform only asks about callees written as a plain chain of names (`g`, `ns.g`, `this.db.get`),
 *   so this covers reading each property of the chain: no getter that may throw, no null/undefined
 *   object on the way, no binding read in its temporal dead zone.
 */
export interface CalleeFacts {
  returnsPromise: boolean;
  neverThrowsSync: boolean;
  /** Where the answer comes from, for messages: `async function declared in this file`, `signature returns Promise<Buffer>`. */
  basis: string;
}

/** Answers callee questions from outside the file (the project analysis). */
export interface PromiseCalleeOracle {
  /** Facts about the call's callee, or `undefined` when the oracle does not know it. Must not throw. */
  describeCallee(query: CalleeQuery): CalleeFacts | undefined;
}

/**
 * The project analysis' answers as plain data (structured-cloneable, so the engine can copy it to
 * worker threads, which an object with a method cannot cross): what each importing file's module
 * specifiers resolve to, and facts about the exports of those modules. Built by
 * src/plan/promise-callee-oracle.ts on the original texts; {@link getPromiseCalleeOracle} turns it
 * into an oracle that answers queries carrying an `origin`.
 */
export interface PromiseCalleeTable {
  kind: 'promise-callee-table';
  /** Directory relative query paths (`file.path`) are resolved against. */
  cwd: string;
  /** Absolute importing file → module specifier as written → absolute resolved file. */
  imports: Record<string, Record<string, string>>;
  /** `<absolute resolved file>#<export name>` (`default`, `=` for `export =`/`module.exports`, or a name) → facts. */
  exports: Record<string, CalleeFacts>;
}

/** Options through which the engine hands the oracle to a transform. */
export interface PromiseCalleeHooks {
  /** The project analysis' oracle (or its plain-data table); absent under the plain jscodeshift CLI. */
  promiseCallees?: PromiseCalleeOracle | PromiseCalleeTable;
}

/** The oracle over `table`: answers only queries with an `origin` whose module the table resolved. */
export function oracleFromTable(table: PromiseCalleeTable): PromiseCalleeOracle {
  return {
    describeCallee(query) {
      if (!query.origin) return undefined;
      const importer = path.resolve(table.cwd, query.file);
      const resolved = table.imports[importer]?.[query.origin.module];
      return resolved === undefined ? undefined : table.exports[`${resolved}#${query.origin.imported}`];
    },
  };
}

/**
 * The oracle in `options`, or `undefined` when none (or something that is not one) was passed.
 * Validates the shape so a wrong option fails loudly instead of being silently ignored.
 * A {@link PromiseCalleeTable} becomes an oracle through {@link oracleFromTable}.
 * @throws TypeError when `options.promiseCallees` is set but is neither an oracle nor a table.
 */
export function getPromiseCalleeOracle(options: PromiseCalleeHooks | undefined): PromiseCalleeOracle | undefined {
  const oracle = options?.promiseCallees;
  if (oracle === undefined || oracle === null) return undefined;
  if ((oracle as PromiseCalleeTable).kind === 'promise-callee-table') return oracleFromTable(oracle as PromiseCalleeTable);
  if (typeof (oracle as PromiseCalleeOracle).describeCallee !== 'function') {
    throw new TypeError('options.promiseCallees must be an object with a describeCallee(query) method, or a PromiseCalleeTable (see src/core/promise-callees.ts)');
  }
  return oracle as PromiseCalleeOracle;
}
