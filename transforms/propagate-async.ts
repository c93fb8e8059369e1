/**
 * propagate-async — apply one file's part of the propagate-async Plan: make functions `async`, await
 * their call sites, and turn return annotations into `Promise<…>`, across files and up the call chain.
 *
 * The Plan (src/plan) is computed once for the whole project, on the original texts, by the
 * `prepare` hook below (the engine calls it before any file is transformed) or by `async-migrate plan
 * --json`. This transform only applies it: `npx jscodeshift -t transforms/propagate-async.ts --plan
 * plan.json src/` works on its own. Without a plan it changes nothing.
 *
 * Handles:
 * 1. Call sites: `await` with the parentheses precedence needs (`(await f()).x`, `(await f())()`),
 *    in conditions, template literals, arguments, object literals, chained and optional calls;
 *    `return f()` inside try / catch-before-finally / a `using` scope becomes `return await f()`.
 * 2. Function kinds: declarations, expressions, arrows (concise bodies too), object and class
 *    methods, static and `#private` methods, IIFEs, default exports, `export const f = () => …`.
 * 3. TypeScript return annotations `T` → `Promise<T>` (`void` → `Promise<void>`, never
 *    `Promise<Promise<T>>`), on overloads, interface members, abstract methods, function types on
 *    variables, properties and parameters of the same family; JSDoc `@returns {T}` in JavaScript.
 *    Generators become async generators (`Generator<T>` → `AsyncGenerator<T>`), their `for…of`
 *    consumers `for await…of`.
 * 4. Method families (interface members, implementations, overrides) change together.
 * 5. Callbacks passed to `then`/`catch`/`finally` and to test functions and hooks (`it`, `test`,
 *    `before*`, `after*`) become async; `xs.forEach(cb)` statements become `for…of` loops,
 *    `xs.map(cb)` `await Promise.all(xs.map(async cb))`, `filter`/`some`/`every`/`find…`
 *    `await Promise.all(xs.map(async cb)).then((settled) => xs.filter(…settled[index]))`, or
 *    `for…of` loops under `--concurrency=sequential` (map/filter/flatMap/some/every/find…, when the
 *    result is declared, returned or assigned). With a node22+ target (`--target`, else detected:
 *    src/plan/target.ts), `Array.from(gen())` and `[...gen()]` of a generator that becomes async →
 *    `await Array.fromAsync(gen())`.
 * 6. Tests are callers: `expect(() => f()).toThrow()` → `await expect(f()).rejects.toThrow()`,
 *    `assert.throws(() => f())` → `await assert.rejects(async () => f())`.
 * 7. ES module top level: top-level `await`.
 *
 * Leaves alone (the plan pins them sync and reports the whole chain): calls from constructors
 * (AM101), accessors (AM102), field initialisers and static blocks (AM103), CommonJS top level
 * (AM104), `process.on('exit')` (AM105), sync-only callbacks and implicitly called methods (AM107),
 * functions declared outside the project or called from files the run does not edit (AM108),
 * functions escaping as values (AM109), generators consumed synchronously (AM110), parameter
 * defaults (AM111), array-method callbacks it cannot restructure (AM320), exported API under
 * `--public-api=keep` (AM330; the default for a package that publishes an API, `change` for an
 * application), functions, methods, classes and interfaces named `…Sync` (AM332, unless named with
 * `--seed`), sync fs calls a test mocks (AM208, only in files the mocking test reaches), and with
 * `--tests follow` (the default) a test file's own fixture I/O (AM333). A plan entry that does not
 * match the text is skipped (AM331).

 * Verification (engine only, `--no-verify` turns it off): the migrated project must type-check with no
 * new diagnostic (AM340) and no new floating promise (AM341), else nothing is written.
 *
 * Run before: fs-promises (which then rewrites the sync fs calls now inside async functions).
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import type { Plan } from '../src/core/plan';
import type { TransformMeta } from '../src/core/transform';
import { parserFor } from '../src/core/parser';
import { createReporter, type EngineHooks } from './lib/report';
import { detectStyle, printInStyle } from './lib/style';
import { findAsyncInsertions, findForAwaitInsertions, insertAsyncKeywords, jsdocInsertions, parseRaw, type KeywordInsertion } from './propagate-async/add-async';
import { createRangeKeyer } from './propagate-async/index-nodes';
import { shiftFilePlan } from './propagate-async/shift-plan';
import { awaitCallSites } from './propagate-async/await-call-sites';
import { getFilePlan, readPlan } from '../src/core/read-plan';
import { wrapReturnTypes } from './propagate-async/wrap-return-types';
import { finishContinues, restructureCallbacks } from './propagate-async/restructure-callbacks';

/** Options of propagate-async. */
export interface PropagateAsyncOptions extends EngineHooks {
  /** The Plan object (from the engine) or a path to a plan JSON file (jscodeshift CLI). */
  plan?: Plan | string;
  /** Directory the plan's paths are relative to (default: the working directory). */
  planCwd?: string;
}

export const meta: TransformMeta = {
  name: 'propagate-async',
  description: 'Make callers async across files and up the call chain (await call sites, Promise<T> types), following a reviewable plan',
  order: 5,
  example: 'call-chain-across-files',
  options: [
    { name: 'project', alias: 'p', type: 'string', description: 'tsconfig.json to load the project from (default: the nearest one; JavaScript without one gets an inferred allowJs config)' },
    { name: 'seed', type: 'array', description: 'Functions to make async, as <file>:<function> (teams migrating their own sync APIs)', default: [] },
    { name: 'publicApi', type: 'string', description: '`keep`: functions exported by the package\'s entry points stay sync (AM330); `change`: they may become async; `auto` (default): `keep` for a package that publishes an API (package.json has exports, main, module or types and is not private), `change` for an application (private, only bin, or no package.json)', default: 'auto' },
    { name: 'tests', type: 'string', description: '`follow` (default): test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`) change only where they call, await or assert on what the migration changed; their own fixture I/O (writeFileSync in beforeAll, a temp folder made at module level) stays as it is (AM333); `migrate`: test files migrate like source', default: 'follow' },
    { name: 'plan', type: 'string', description: 'A plan JSON file (`async-migrate plan --json`) to apply instead of planning' },
    { name: 'concurrency', type: 'string', description: '`parallel` (default): map-like callbacks that become async all run concurrently (await Promise.all(xs.map(async …)), then the sync method on the results; no short-circuit); `sequential`: map/filter/flatMap/some/every/find/findIndex/findLast/findLastIndex become for…of loops that await one item at a time and stop where the sync method stops, when the result is declared (`const ys = …`), returned or assigned (`ys = …`); other shapes stay sync (AM320, with the reason)', default: 'parallel' },
    { name: 'allowCallbacks', type: 'array', description: 'Receivers whose callbacks may become async although they are treated as sync-only (method names like `on`, or callees like `emitter.on`, `setTimeout`), when your code handles the returned promises', default: [] },
    { name: 'target', type: 'string', description: 'The Node.js version to target (`node22`, `node24`, …); default: detected — package.json `engines.node` (its lowest allowed version), else the tsconfig `lib`/`target`, else the oldest maintained LTS (node22). From node22 (and a TypeScript lib with Array.fromAsync), `Array.from(gen())`, `Array.from(gen(), syncMapper)` and `[...gen()]` (the only element) of a generator that becomes async become `await Array.fromAsync(gen())` instead of pinning it (other spreads still pin it, AM110); from node25.7, `statSync(p, { throwIfNoEntry: false })` becomes `await stat(p, { throwIfNoEntry: false })`' },
    { name: 'changeset', type: 'array', description: 'Apply only these change sets (ids from `async-migrate plan --changesets`, repeatable); default: every change set inside the given paths', default: [] },
    { name: 'expand', type: 'boolean', description: 'Also apply change sets that reach outside the given paths, adding the files they edit (listed in the summary); without it such a set is left out (AM347)', default: false },
    { name: 'verify', type: 'boolean', description: 'After propagation, type-check the result against the original and look for floating promises; write nothing on a problem (--no-verify turns it off)', default: true },
  ],
  mightApply: (_source, options) => options.plan !== undefined && options.plan !== null && options.plan !== '',
};

export default function transform(file: FileInfo, api: API, options: Options & PropagateAsyncOptions): string | undefined {
  const plan = readPlan(options.plan);
  if (!plan) return undefined;
  const filePlan = getFilePlan(plan, file.path, options.planCwd ?? process.cwd());
  if (!filePlan || (filePlan.asyncFunctions.length === 0 && filePlan.awaitSites.length === 0 && filePlan.annotations.length === 0 && (filePlan.callbacks ?? []).length === 0)) return undefined;

  const j = api.jscodeshift.withParser(parserFor(file.path));
  const report = createReporter(meta.name, file, api, options);

  // 1. `async` (and `for await`) first, as text on the original: minimal diff, and the later steps
  //    then parse `await` in those functions.
  let insertions: KeywordInsertion[] = [];
  if (filePlan.asyncFunctions.length > 0 || (filePlan.callbacks ?? []).some((c) => c.kind === 'for-await') || filePlan.annotations.some((a) => a.kind === 'jsdoc')) {
    const original = parseRaw(file.source, file.path);
    insertions = [
      ...findAsyncInsertions(original, file.source, { filePlan, report }).map((at) => ({ at, text: 'async ' })),
      ...findForAwaitInsertions(original, file.source, { filePlan, report }).map((at) => ({ at, text: 'await ' })),
      ...jsdocInsertions({ filePlan, report }, file.source),
    ].sort((a, b) => a.at - b.at);
  }
  let text = insertAsyncKeywords(file.source, insertions);

  // 2. Awaits, Promise<T> types and callback restructurings at the plan's (moved) offsets.
  const moved = shiftFilePlan(filePlan, insertions);
  if (moved.awaitSites.length + moved.annotations.length + moved.callbacks.length > 0) {
    const root = j(text);
    const step = { filePlan: moved, report, key: createRangeKeyer(text) };
    const edited = awaitCallSites(j, root, step) + wrapReturnTypes(j, root, step) + restructureCallbacks(j, root, step);
    if (edited > 0) text = finishContinues(printInStyle(root, detectStyle(text)));
  }
  return text === file.source ? undefined : text;
}

