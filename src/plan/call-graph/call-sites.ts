/**
 * Call sites: each call expression whose callee resolves to project functions becomes a
 * {@link CallSite} with the context it sits in (can it await? is its value handled already?); sync fs
 * calls (and the blocking calls blocking-apis rewrites: execSync, gzipSync, …) inside functions become
 * seeds on the way. Generator calls are sites only where an async generator can be consumed
 * (`for…of`, `yield*`, `Array.from`/spread: under `--target node22` through `Array.fromAsync`, else as
 * a `for await` collection in statement position, ./collect-site.ts).
 * Inline callbacks the plan restructures (`xs.map(cb)`, `expect(() => f()).toThrow()`) become sites
 * of the array or assertion call in the enclosing function.
 */
import { ts } from 'ts-morph';
import { WHOLE_MODULE } from '../commonjs-exports';
import { rewritableBlockingCall } from '../blocking-call';
import { rewritableFsCall } from '../fs-call';
import { isForEachCallback } from '../restructure';
import { hasModifier, needsAwaitOnReturn, outerParent, PROMISE_COMBINATORS, siteLocation, skipOuter } from '../syntax';
import { collectSite } from './collect-site';
import { iteratorCallSites } from './next-sites';
import type { BuildContext, Scope } from './context';
import { commonJsModuleOf, fnsForExportedValue, fnsForObjectMembers, fnsForSymbol, objectLiteralBehind } from './declarations';
import { fnFor } from './nodes';
import type { BlockedContext, CallContext, CallSite, FnNode, RestructureKind, Seed } from './types';

/** How the value of `call` is used: awaited already, returned, or needing `await`. */
function classifyCallContext(call: ts.CallExpression): CallContext {
  const { node, parent } = outerParent(call);
  if (!parent) return 'await';
  if (ts.isAwaitExpression(parent)) return 'handled';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ['then', 'catch', 'finally'].includes(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return 'handled';
  if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent)) {
    const callee = parent.parent.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && PROMISE_COMBINATORS.has(callee.name.text)) return 'handled';
  }
  if (ts.isArrowFunction(parent) && parent.body === node && isForEachCallback(parent)) return 'await'; // becomes a loop body
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return needsAwaitOnReturn(parent) ? 'await' : 'return';
  return 'await';
}


/**
 * `obj[key]()` with a key whose value the tool cannot know: every project function `obj` holds (the
 * properties of its type; for a CommonJS module object, its export table) may be the callee, so each
 * gets a use that pins it (AM325) — unless the call's value is awaited or handled already.
 */
function pinComputedCallees(ctx: BuildContext, call: ts.CallExpression, callee: ts.ElementAccessExpression, sf: ts.SourceFile): void {
  if (classifyCallContext(call) === 'handled') return;
  const candidates = new Set<FnNode>();
  const objectType = ctx.checker.getApparentType(ctx.checker.getTypeAtLocation(callee.expression));
  for (const prop of objectType.getProperties()) {
    if (!(prop.declarations ?? []).some((d) => ctx.options.projectFiles.has(d.getSourceFile().fileName))) continue;
    for (const fn of fnsForSymbol(ctx, prop)) candidates.add(fn);
  }
  const module = commonJsModuleOf(ctx, callee.expression);
  if (module) for (const [name, values] of ctx.commonJs.exportsOf(module)) if (name !== WHOLE_MODULE) for (const v of values) for (const fn of fnsForExportedValue(ctx, v)) candidates.add(fn);
  // `const handlers: Record<string, Handler> = { … }`: the type names no member, the initialiser does.
  const obj = objectLiteralBehind(ctx, callee.expression);
  if (obj) for (const fn of fnsForObjectMembers(ctx, obj)) candidates.add(fn);
  const loc = siteLocation(call, sf);
  const text = `${callee.getText(sf)}()`;
  for (const fn of candidates) fn.uses.push({ loc, code: 'AM325', text: `may be the callee of ${text}, whose computed key the tool cannot resolve` });
}

/**
 * `--target node22`: the node that becomes `await Array.fromAsync(gen())` when the generator call
 * `outer` becomes async — `Array.from(gen())`, `Array.from(gen(), mapFn)` with a sync inline mapper
 * (Array.fromAsync awaits what the mapper returns, so a mapper returning a promise-like would change
 * meaning), or `[...gen()]` with the spread as the literal's only element — or why it cannot (AM110).
 */
function fromAsyncSite(ctx: BuildContext, outer: ts.Node, parent: ts.Node | undefined, sf: ts.SourceFile): ts.CallExpression | ts.ArrayLiteralExpression | string | undefined {
  if (!parent) return undefined;
  if (ts.isCallExpression(parent) && parent.arguments[0] === outer && parent.expression.getText(sf) === 'Array.from') {
    if (parent.arguments.length === 1) return parent;
    const mapper = parent.arguments.length === 2 ? skipOuter(parent.arguments[1]) : undefined;
    if (!mapper || !(ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper)) || hasModifier(mapper, ts.SyntaxKind.AsyncKeyword) || mapper.asteriskToken) return 'is consumed by Array.from with a thisArg or a mapper that is not an inline function (--target node22 rewrites only Array.from(gen()) and Array.from(gen(), inline sync mapper))';
    const signature = ctx.checker.getSignatureFromDeclaration(mapper);
    const returns = signature && ctx.checker.getReturnTypeOfSignature(signature);
    const promiseLike = !returns || (returns.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || (returns.isUnion() ? returns.types : [returns]).some((t) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Object | ts.TypeFlags.TypeParameter)) !== 0 && !!ctx.checker.getPropertyOfType(ctx.checker.getApparentType(t), 'then'));
    if (promiseLike) return 'is consumed by Array.from with a mapper that may return a promise-like, which Array.fromAsync would await (--target node22)';
    return parent;
  }
  if (ts.isSpreadElement(parent) && parent.expression === outer) {
    const literal = parent.parent;
    if (ts.isArrayLiteralExpression(literal) && literal.elements.length === 1) return literal;
    return ts.isArrayLiteralExpression(literal)
      ? 'is spread into an array literal with other elements, which an async generator cannot be (--target node22 rewrites only [...gen()] alone)'
      : 'is spread into call arguments, which an async generator cannot be (--target node22 rewrites only [...gen()] alone)';
  }
  return undefined;
}

/**
 * One call expression: an fs seed when it is a rewritable sync fs call in a sync function; a
 * {@link CallSite} when its callee resolves to project functions (an AM110 use for a generator call
 * consumed synchronously; AM325 uses for `obj[key]()` with an unknown key).
 */
export function visitCall(ctx: BuildContext, call: ts.CallExpression, scope: Scope, sf: ts.SourceFile): void {
  const callee = skipOuter(call.expression);
  if (scope.fn && !scope.fn.isAsync) {
    const syncName = rewritableFsCall(call, ctx.checker, ctx.fsModules)?.sync ?? (ctx.blockingApis ? rewritableBlockingCall(call, ctx.checker) : undefined);
    if (syncName) {
      const seed: Seed = { kind: 'fs', loc: siteLocation(call, sf), text: syncName };
      scope.fn.seeds.push(seed);
      ctx.graph.fsSeeds.push({ fn: scope.fn, seed });
    }
  }
  let callees: FnNode[];
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) callees = [fnFor(ctx, callee)];
  else if (ts.isElementAccessExpression(callee)) {
    const resolved = ctx.resolver.resolveElementAccess(callee);
    if (resolved.computed) return pinComputedCallees(ctx, call, callee, sf);
    callees = resolved.fns;
  } else callees = ctx.resolver.resolveCallee(callee as ts.Expression);
  if (callees.length === 0) return;
  const blockedBy = blockedByOf(scope);
  const calleeText = ts.isArrowFunction(callee) || ts.isFunctionExpression(callee) ? 'an IIFE' : callee.getText(sf);
  let context = classifyCallContext(call);
  if (context === 'return' && scope.fn && ctx.inlinedBodies.has(scope.fn)) context = 'await'; // the body becomes a loop statement
  let restructure: RestructureKind | undefined;
  let siteNode: ts.CallExpression | ts.ArrayLiteralExpression = call;
  let resultType: string | undefined;
  let iteratorCalls: ts.CallExpression[] | undefined;
  if (callees.some((c) => c.isGenerator)) {
    // A generator call returns an iterator: only `for…of` (→ `for await…of`) and `yield*` (in a
    // generator that becomes async too) can consume an async generator; under --target node22 also
    // `Array.from(gen())` / `Array.from(gen(), syncMapper)` and `[...gen()]` (→ `await Array.fromAsync(gen())`).
    // Without Array.fromAsync, `const xs = [...gen()]` and the like become an explicit `for await` collection.
    const { node: outer, parent } = outerParent(call);
    const fromAsync = ctx.options.target === 'node22' ? fromAsyncSite(ctx, outer, parent, sf) : undefined;
    const collect = ctx.options.target === 'node22' ? undefined : collectSite(ctx, outer, parent, sf);
    if (parent && ts.isForOfStatement(parent) && parent.expression === outer && !parent.awaitModifier) restructure = 'for-await';
    else if (parent && ts.isYieldExpression(parent) && parent.asteriskToken) restructure = 'yield-star';
    else if (fromAsync && typeof fromAsync !== 'string') {
      restructure = 'from-async';
      siteNode = fromAsync;
    } else if (collect && typeof collect !== 'string') {
      restructure = 'collect-loop';
      siteNode = collect.node;
      resultType = collect.resultType;
    } else if ((iteratorCalls = iteratorCallSites(ctx.checker, outer, parent))) {
      // `it.next()` → `await it.next()`: the iterator calls are the sites; `gen()` itself needs no await.
      for (const next of iteratorCalls) addSite(ctx, { node: next, loc: siteLocation(next, sf), caller: blockedBy ? undefined : scope.fn, blockedBy, callees, context: classifyCallContext(next), calleeText: next.expression.getText(sf) });
      return;
    } else {
      const why = typeof fromAsync === 'string' ? fromAsync : typeof collect === 'string' ? collect : 'is consumed synchronously (stored and used other than by .next()/.return()/.throw() in the same function, passed on, spread among other elements), which an async generator cannot be';
      for (const c of callees) c.uses.push({ loc: siteLocation(call, sf), code: 'AM110', text: why });
      return;
    }
    context = 'await';
  }
  const site: CallSite = { node: siteNode, loc: siteLocation(siteNode, sf), caller: blockedBy ? undefined : scope.fn, blockedBy, callees, context, calleeText, restructure };
  if (resultType) site.resultType = resultType;
  addSite(ctx, site);
}

/** Record a call site in the graph, its callees and its caller. */
function addSite(ctx: BuildContext, site: CallSite): void {
  ctx.graph.sites.push(site);
  for (const c of site.callees) c.incoming.push(site);
  if (site.caller) site.caller.outgoing.push(site);
}

/** Where `await` cannot go for a call in `scope`: the scope's block, or the CommonJS top level (AM104). */
function blockedByOf(scope: Scope): BlockedContext | undefined {
  return scope.blocked ?? (!scope.fn && !scope.esm ? { code: 'AM104', text: 'the CommonJS top level' } : undefined);
}

/**
 * An inline callback the plan restructures instead of awaiting (the array call or assertion found by
 * ../restructure.ts): the array call stands for a call of the callback in the enclosing function.
 * A callback whose concise body becomes a loop statement is remembered (`ctx.inlinedBodies`).
 */
export function addRestructuredCallbackSite(ctx: BuildContext, fn: FnNode, restructure: { call: ts.CallExpression; kind: RestructureKind; resultType?: string }, scope: Scope, sf: ts.SourceFile): void {
  if (restructure.kind === 'sequential-loop' || restructure.kind === 'reduce-loop') ctx.inlinedBodies.add(fn);
  const call = restructure.call;
  const blockedBy = blockedByOf(scope);
  const site: CallSite = { node: call, loc: siteLocation(call, sf), caller: blockedBy ? undefined : scope.fn, blockedBy, callees: [fn], context: 'await', calleeText: call.expression.getText(sf), restructure: restructure.kind };
  if (restructure.resultType) site.resultType = restructure.resultType;
  ctx.graph.sites.push(site);
  fn.incoming.push(site);
  if (site.caller) site.caller.outgoing.push(site);
}
