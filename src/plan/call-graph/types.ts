/**
 * The call graph's data: functions ({@link FnNode}), call sites ({@link CallSite}), non-call uses
 * ({@link ValueUse}), seeds, and the graph itself ({@link CallGraph}) with the options it is built with.
 * Plain types only; the builder lives in ./build.ts.
 */
import type { ts } from 'ts-morph';
import type { ReasonCodeId } from '../../core/reasons';

/** A location in a source file, 1-based line and column, plus offsets. */
export interface SiteLocation {
  file: string;
  line: number;
  column: number;
  start: number;
  end: number;
}

/** One function in the graph. */
export interface FnNode {
  id: number;
  node: ts.Node;
  file: string;
  name: string;
  /** An implementation with a body (else a signature: overload, interface member, abstract, typed property). */
  hasBody: boolean;
  isAsync: boolean;
  isGenerator: boolean;
  /** In a project source file and not ambient: may be edited. */
  editable: boolean;
  /** The annotation that becomes Promise<T>, when written (in JavaScript: the JSDoc `@returns` type). */
  returnType: ts.TypeNode | undefined;
  /** Call sites calling this function. */
  incoming: CallSite[];
  /** Call sites directly in this function's body (not in nested functions). */
  outgoing: CallSite[];
  /** Non-call uses of the function. */
  uses: ValueUse[];
  /** Why this function must be async by itself. */
  seeds: Seed[];
  /** Exported from its module (ES export or CommonJS exports). */
  exported: boolean;
  /** Called implicitly by the language, which ignores promises (`toString`, `valueOf`, `toJSON`, `[Symbol.iterator]`, `[Symbol.toPrimitive]`). */
  implicit: boolean;
}

/** How the value of a call is used. */
export type CallContext =
  /** needs `await` (and an async caller) */
  | 'await'
  /** `return f()` outside try/using: no `await` needed, but the caller now returns a promise */
  | 'return'
  /** already awaited, chained with then/catch/finally, or in Promise.all([...]) */
  | 'handled';

/** A place where `await` cannot go (constructor, accessor, field, CommonJS top level). */
export interface BlockedContext {
  code: ReasonCodeId;
  /** `the constructor of Settings` */
  text: string;
}

/** One call of project functions. */
export interface CallSite {
  /** The call; for `from-async` and `collect-loop`, the `Array.from(…)` call or the `[...gen()]` array literal it replaces. */
  node: ts.CallExpression | ts.ArrayLiteralExpression;
  loc: SiteLocation;
  /** The function the call is directly in; undefined at module top level or in a blocked context. */
  caller: FnNode | undefined;
  /** Set when the call sits where `await` cannot go. */
  blockedBy: BlockedContext | undefined;
  callees: FnNode[];
  context: CallContext;
  /** Callee as written. */
  calleeText: string;
  /**
   * Set for the call of an array method with an inline callback (`xs.forEach(cb)`, `xs.map(cb)`):
   * when the callback must become async, the call is restructured instead of awaited —
   * `for-of`: the forEach statement becomes a `for…of` loop over the callback's body;
   * `promise-all`: `await Promise.all(xs.map(async cb))`.
   */
  restructure?: RestructureKind;
  /** `sequential-loop`: the type to write on the result variable or temporary, when its evolving type would not type-check; `collect-loop`: the array type (TypeScript). */
  resultType?: string;
}

/**
 * How a call with an inline callback is rewritten when the callback must become async:
 * `for-of` (`xs.forEach(cb)` statement → loop), `promise-all` (`xs.map(cb)` → `await Promise.all(…)`),
 * `promise-all-then` (`xs.filter(cb)` → `await Promise.all(xs.map(cb)).then((settled) =>
 * xs.filter((_item, index) => settled[index]))`, also some/every/find/findIndex/findLast/findLastIndex),
 * `sequential-loop` (`--concurrency=sequential`: map/filter/flatMap/some/every/find/findIndex/findLast/
 * findLastIndex → a `for…of` loop over the callback's body, e.g. `const ys = xs.map((x) => e)` →
 * `const ys = [];` + `for (const x of xs) { ys.push(e); }`, `return xs.some(cb)` → `let someMatch = false;`
 * + loop with `break` + `return someMatch;`; see restructure.ts `sequentialLoop`),
 * `promise-all-flat` (`xs.flatMap(cb)` → `(await Promise.all(xs.map(async cb))).flat()`),
 * `reduce-loop` (`const t = xs.reduce((a, x) => e, init)` → `let t = init;` + `for (const x of xs) { t = e; }`, a → t),
 * `expect-rejects` (`expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)`),
 * `assert-rejects` (`assert.throws(() => f(), e)` → `await assert.rejects(async () => f(), e)`),
 * `for-await` (`for (const x of gen())` → `for await (const x of gen())` when gen becomes an async
 * generator), `yield-star` (`yield* gen()` in a generator that becomes async too: no edit),
 * `from-async` (`--target node22`: `Array.from(gen())`, `Array.from(gen(), syncMapper)` or `[...gen()]`
 * alone → `await Array.fromAsync(gen()[, syncMapper])`), `collect-loop` (no Array.fromAsync on the target:
 * `const xs = [...gen()]` → `const xs: T[] = [];` + `for await (const item of gen()) { xs.push(item); }`, see
 * ./collect-site.ts).
 */
export type RestructureKind = 'for-of' | 'promise-all' | 'promise-all-flat' | 'promise-all-then' | 'reduce-loop' | 'sequential-loop' | 'expect-rejects' | 'assert-rejects' | 'for-await' | 'yield-star' | 'from-async' | 'collect-loop';

/** A non-call use of a function. */
export interface ValueUse {
  loc: SiteLocation;
  /** undefined: promise-aware receiver (fine). Else the reason code that pins the function. */
  code: ReasonCodeId | undefined;
  /** For a named function: `is passed to arr.sort(), which ignores returned promises`. */
  text: string;
  /** For an inline callback (named after its receiver): `must stay synchronous: arr.sort() ignores returned promises`. */
  callbackText?: string;
}

/** Why a function must become async on its own. */
export interface Seed {
  /** `fs`: a sync call a rewrite transform rewrites once its function is async (fs-promises, blocking-apis). */
  kind: 'fs' | 'await' | 'user';
  loc: SiteLocation;
  /** `readFileSync`, `await`, `--seed` */
  text: string;
}

/** The graph. */
export interface CallGraph {
  fns: FnNode[];
  sites: CallSite[];
  /** Sync fs calls found inside functions (seeds), for the plan's seedSites / blocked lists. */
  fsSeeds: { fn: FnNode; seed: Seed }[];
  /** Union-find parent per fn id (use `familyOf`, ./union-find.ts). */
  parent: number[];
  /**
   * Per project file (absolute path), the functions its CommonJS exports hold, re-exports included
   * (`module.exports = { ...require('./x'), f }`, `Object.assign(module.exports, { f })`): what
   * `--public-api=keep` keeps for a package entry.
   */
  commonJsExports: Map<string, FnNode[]>;
}

/** Options of `buildCallGraph` (./build.ts). */
export interface CallGraphOptions {
  /** Absolute paths of the project's own sources. */
  projectFiles: ReadonlySet<string>;
  /**
   * The files being migrated (the FileMap); default: every project file. Project files outside it
   * (callers the tsconfig includes but the run does not edit) are analysed but never changed: their
   * functions and top-level calls pin what they call (AM108).
   */
  editableFiles?: ReadonlySet<string>;
  /** Whether top-level `await` is allowed in a file (ES module). */
  isEsModule(file: string): boolean;
  /** `fsModules` option: extra modules with Node's fs API. */
  fsModules?: readonly string[];
  /**
   * Seed from the calls the blocking-apis transform rewrites (child_process, zlib, crypto, sleeps:
   * src/plan/blocking-call.ts) as from sync fs calls. Default true.
   */
  blockingApis?: boolean;
  /** `parallel` (default): map → `Promise.all`; `sequential`: map/filter/flatMap/some/every/find… → `for…of` loops (declared, returned or assigned results). */
  concurrency?: 'parallel' | 'sequential';
  /** `node20` (default) or `node22` (`Array.fromAsync` may consume async generators: `Array.from(gen())`, `[...gen()]`). */
  target?: 'node20' | 'node22';
  /** Receivers the user says handle returned promises (`--allow-callbacks`): method names or whole callees. */
  allowCallbacks?: readonly string[];
}
