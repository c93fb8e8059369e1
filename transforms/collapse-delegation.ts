/**
 * collapse-delegation: remove `async`/`await` from wrappers that only return another async function's
 * promise, when doing so provably changes nothing but an extra promise, an extra frame and a few ticks.
 *
 * Handles:
 *   1. `async function f(a) { return await g(a); }`  →  `function f(a) { return g(a); }`
 *   2. `async function f(a) { return g(a); }`        →  `function f(a) { return g(a); }`
 *   3. `const f = async (a) => await g(a)` and `async (a) => g(a)` (any arrow or function expression)
 *   4. object and class methods, `async m(a) { return await this.g(a); }`, and class-field arrows
 *   5. callees this file can vouch for: an `async` function declaration (never reassigned), a `const`
 *      holding an `async` arrow/function initialised before the wrapper can run, `this.#g` (an async
 *      private method), `this.g` (an async method of a class nothing can extend or patch); other callees
 *      when the project analysis answers through `options.promiseCallees` (src/core/promise-callees.ts)
 *
 * Leaves alone (reported as left-alone candidates; no code is touched):
 *   AM501 callee not known to return a promise        AM502 an argument may throw
 *   AM503 the callee reference may throw              AM504 uses `arguments`
 *   AM505 parameter default/destructuring may throw   AM506 return inside try/catch/finally
 *   AM507 return after a `using` declaration          AM508 async generator
 *   AM509 member of a method family                   AM510 `this.g` may be overridden or replaced
 *   AM511 decorated wrapper or class                  AM512 delegates to itself
 *   AM513 deleting the keywords would change the parse
 *   (constructors and accessors cannot be `async`, so they never reach the transform.)
 *
 * Why these conditions make the rewrite unobservable (apart from timing, identity and stack traces):
 *   An `async` wrapper always returns a fresh native promise and never throws: anything thrown while
 *   binding its parameters or running its body becomes a rejection (ECMA-262, EvaluateAsyncFunctionBody:
 *   an abrupt completion of FunctionDeclarationInstantiation or of the body rejects the promise). `return await p` and `return p` then settle
 *   that promise like `p`. A plain `function f(a) { return g(a); }` returns whatever `g(a)` returns and
 *   lets every throw escape synchronously. The two agree exactly when:
 *   - g(a) is a native promise on every path — AM501 (an `async` function always returns one; a
 *     thenable would reach callers bare, without catch/finally; an optional call may give undefined);
 *   - nothing throws before that promise exists — evaluating the parameters (AM505: destructuring
 *     throws on null, defaults run code), the callee reference (AM503: a const in its temporal dead
 *     zone; `this.g` in a derived constructor before super()) and each argument (AM502: property reads
 *     run getters or hit null, calls run code, spreads run iterators, undeclared globals throw). An
 *     `async` callee itself cannot throw synchronously: its own parameter errors become rejections;
 *   - the body is exactly the one return: a statement before it could throw (that is the body-shape
 *     rule), `try` (AM506) would stop seeing the rejection once the await is gone, and a `using`
 *     declaration (AM507) would dispose its resource before the callee settles; `arguments` (AM504) is
 *     refused to keep the proof to plain parameters;
 *   - the function is an ordinary async function: an async generator returns an iterator (AM508);
 *     constructors and accessors cannot be async;
 *   - nobody relies on it *being* async: a method family (AM509: overrides, interface members, subclasses
 *     in this file) should change together, and a decorator (AM511) may inspect or wrap it. TypeScript:
 *     the `Promise<T>` return annotation stays as written; a plain function returning g's `Promise<T>`
 *     still satisfies it, and an unannotated wrapper infers the same `Promise<T>`.
 *   `this`: in an arrow, `this` is the enclosing function's, unchanged by the rewrite. In a method,
 *   `this.g` is fine when `this` is an instance: then `this.g` is the class's own async method, never a
 *   throw. A subclass could override `g` with a non-async function, so a public `g` is accepted only when
 *   the class is not exported, not anonymous, not extended or passed around in this file, and no
 *   property `g` (nor a computed property of `this`, nor `Object.assign(this, …)`) is written anywhere
 *   in the file (AM510); a private `#g` cannot be overridden. If a method is called detached
 *   (`const m = obj.m; m()`), `this.g` throws a TypeError either way — before, as a rejection; after,
 *   synchronously. Likewise, code outside the file can patch an instance (a test's
 *   `jest.spyOn(obj, 'g').mockReturnValue(x)`): callers would then get `x`, not a promise. Both are
 *   outside what one file can prove; `collapseThisCalls: false` refuses every `this.g`/`this.#g` callee.
 *
 * Known costs (see docs/transforms/collapse-delegation.md, Limitations): the wrapper's frame disappears from async stack traces;
 * `f(a)` returns g's own promise object instead of a new one; the result settles a few microtask ticks earlier;
 * `util.types.isAsyncFunction(f)` becomes false.
 *
 * Run before/after: after fs-promises, propagate-async and hoist-switch-await (meta.order 40, the last
 * stage), so it sees the functions those stages made async and the awaits they placed.
 */
import type { API, ASTNode, FileInfo, Options } from 'jscodeshift';
import type { AnyNode } from './lib/lexical-scope';
import type { TransformMeta } from '../src/core/transform';
import { parserFor, parserNameFor } from '../src/core/parser';
import { getPromiseCalleeOracle, type PromiseCalleeHooks } from '../src/core/promise-callees';
import { createReporter, type EngineHooks } from './lib/report';
import { splitBom } from './lib/style';
import { applyTextEdits } from './collapse-delegation/apply-text-edits';
import { buildCollapseEdits, type TextEdit } from './collapse-delegation/build-collapse-edits';
import { checkArguments } from './collapse-delegation/check-arguments';
import { checkWrapper } from './collapse-delegation/check-wrapper';
import { findDelegations } from './collapse-delegation/find-delegations';
import { resolveCallee } from './collapse-delegation/resolve-callee';

/** Options of collapse-delegation (plus the engine hooks every transform accepts). */
export interface CollapseDelegationOptions extends EngineHooks, PromiseCalleeHooks {
  /** Collapse `this.g(…)`/`this.#g(…)` delegations (default true); see meta.options. */
  collapseThisCalls?: boolean;
}

export const meta: TransformMeta = {
  name: 'collapse-delegation',
  description: 'Drop async/await from wrappers that only return another async function\'s promise, when provably unobservable',
  order: 40,
  options: [
    {
      name: 'collapseThisCalls',
      type: 'boolean',
      default: true,
      description: 'Collapse wrappers that delegate to this.m()/this.#m(). Turn off when methods are called detached (const m = obj.m; m()) or patched from outside the file (test spies returning plain values).',
    },
  ],
  example: 'example',
  mightApply: (source) => source.includes('async'),
};

/** 1-based line, 0-based column of `node` (babel's `loc`; computed from the offset if a node lacks it). */
function positionOf(node: AnyNode, source: string, which: 'start' | 'end' = 'start'): { line: number; column: number } | undefined {
  if (node.loc) return node.loc[which];
  const offset = node[which];
  if (typeof offset !== 'number') return undefined;
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart };
}

/** @throws TypeError for an option of the wrong type (before any file is changed). */
function validateOptions(options: CollapseDelegationOptions): void {
  if (options.collapseThisCalls !== undefined && typeof options.collapseThisCalls !== 'boolean') {
    throw new TypeError(`collapse-delegation: option collapseThisCalls must be true or false, got ${JSON.stringify(options.collapseThisCalls)}`);
  }
}

/** The jscodeshift transform: new source, or undefined when no wrapper was collapsed. */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  const opts = options as CollapseDelegationOptions;
  validateOptions(opts);
  const j = api.jscodeshift.withParser(parserFor(file.path));
  const report = createReporter(meta.name, file, api, opts);
  const oracle = getPromiseCalleeOracle(opts);
  // Parse the text as given (recast would expand tabs and normalise line ends before parsing, so
  // its offsets would not index file.source); the rewrite is done by offsets, nothing is reprinted.
  const { bom, text: source } = splitBom(file.source);
  const ast = parserFor(file.path).parse(source) as AnyNode;
  const root = j(ast as ASTNode);
  const tokens: { start: number; end: number }[] = ast.tokens ?? [];
  const isTsx = parserNameFor(file.path) === 'tsx';

  const edits: TextEdit[] = [];
  for (const d of findDelegations(j, root)) {
    const position = positionOf(d.fn.node as AnyNode, source);
    const refusal =
      checkWrapper(j, root, d, source, isTsx) ??
      resolveCallee(j, root, d, { path: file.path, original: file.source, source, offset: bom.length }, oracle, opts) ??
      checkArguments(d.call, d.fn, source);
    if (refusal) {
      report({ kind: 'left-alone', code: refusal.code, message: `${d.name} not collapsed: ${refusal.message}`, position, subject: d.name });
      continue;
    }
    edits.push(...buildCollapseEdits(d, source, tokens));
    report({ kind: 'rewritten', code: 'AM500', message: `collapsed ${d.name}: it now returns the callee's promise directly`, position, end: positionOf(d.fn.node as AnyNode, source, 'end'), subject: d.name });
  }
  return edits.length > 0 ? bom + applyTextEdits(source, edits) : undefined;
}
