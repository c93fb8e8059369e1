/**
 * Which calls with an inline callback can be restructured when the callback must become async
 * (array methods, `expect(…).toThrow()`, `assert.throws`), and how: see {@link RestructureKind}.
 * Pure analysis over the TypeScript AST; the edits are made by transforms/propagate-async/restructure-callbacks.ts.
 */
import { ts } from 'ts-morph';
import type { RestructureKind } from './call-graph';
import { hasModifier, outerParent } from './syntax';


/**
 * Test assertions on a throwing callback, as statements:
 * `expect(() => f(…)).toThrow(…)` / `.toThrowError(…)` (jest, vitest; concise body only, so `f(…)`
 * is passed unawaited to `expect`), and `assert.throws(cb, …)` (node:assert).
 */
export function restructurableAssertion(fn: ts.ArrowFunction | ts.FunctionExpression): { call: ts.CallExpression; kind: RestructureKind } | undefined {
  const { node, parent } = outerParent(fn);
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== node || fn.parameters.length > 0 || fn.asteriskToken) return undefined;
  const callee = parent.expression;
  if (ts.isIdentifier(callee) && callee.text === 'expect' && parent.arguments.length === 1 && ts.isArrowFunction(fn) && ts.isCallExpression(fn.body)) {
    const member = parent.parent;
    if (!ts.isPropertyAccessExpression(member) || member.expression !== parent || !['toThrow', 'toThrowError'].includes(member.name.text)) return undefined;
    const assertion = member.parent;
    if (!ts.isCallExpression(assertion) || assertion.expression !== member || !ts.isExpressionStatement(assertion.parent)) return undefined;
    return { call: assertion, kind: 'expect-rejects' };
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'assert' && callee.name.text === 'throws' && ts.isExpressionStatement(parent.parent)) {
    return { call: parent, kind: 'assert-rejects' };
  }
  return undefined;
}

/** Whether `body` has a `return` with a value, or a `return` inside a loop or switch of the callback itself. */
function hasUnsafeReturn(body: ts.Node): boolean {
  let unsafe = false;
  const walk = (node: ts.Node, inLoop: boolean): void => {
    if (unsafe || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && (node.expression || inLoop)) {
      unsafe = true;
      return;
    }
    const loop = inLoop || ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isLabeledStatement(node);
    ts.forEachChild(node, (c) => walk(c, loop));
  };
  ts.forEachChild(body, (c) => walk(c, false));
  return unsafe;
}

/**
 * `--concurrency=sequential`: `const ys = xs.map((x) => expr)` / `xs.filter((x) => test)` as a
 * declaration of its own, with a concise-body arrow, becomes `const ys = [];` and a `for…of` loop
 * (`ys.push(expr)` / `if (test) ys.push(x)`), one item at a time. Other shapes stay AM320.
 */
function sequentialLoop(fn: ts.ArrowFunction | ts.FunctionExpression, call: ts.CallExpression, method: string): boolean {
  if (method !== 'map' && method !== 'filter') return false;
  if (!ts.isArrowFunction(fn) || ts.isBlock(fn.body)) return false;
  if (method === 'filter' && !ts.isIdentifier(fn.parameters[0].name)) return false;
  const { node, parent } = outerParent(call);
  if (!parent || !ts.isVariableDeclaration(parent) || parent.initializer !== node || !ts.isIdentifier(parent.name)) return false;
  const list = parent.parent;
  return ts.isVariableDeclarationList(list) && list.declarations.length === 1 && ts.isVariableStatement(list.parent) && (ts.isBlock(list.parent.parent) || ts.isSourceFile(list.parent.parent));
}

/** Array methods that run a sync test per item: restructured as `Promise.all(xs.map(cb)).then(…)`. */
const SETTLED_METHODS = new Set(['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** Names the `promise-all-then` rewrite introduces: a receiver using them would be shadowed. */
const SETTLED_NAMES = new Set(['settled', '_item', 'index']);

/** A receiver that can be evaluated twice with no side effect: `xs`, `this.xs`, `a.b.c`. */
function isStableReceiver(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr)) return !SETTLED_NAMES.has(expr.text);
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(expr) && !expr.questionDotToken && isStableReceiver(expr.expression);
}

/** Whether `body` mentions `this` or `arguments` of its own function (not of nested function expressions or declarations). */
function usesOwnThis(body: ts.Node): boolean {
  let uses = false;
  const scan = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(n) && n.text === 'arguments')) uses = true;
    else if (!ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, scan);
  };
  ts.forEachChild(body, scan);
  return uses;
}

/**
 * `const total = xs.reduce((acc, x, i) => expr, init)` (or a block body that is only `return expr;`),
 * a declaration of its own with one identifier declarator, `xs` an array, an explicit initial value,
 * no type arguments, no return type on the callback, an identifier accumulator that nothing inside
 * the callback shadows or uses as a shorthand property, and no mention of the declared name inside
 * the callback: it becomes `let total = init;` and `for (const [i, x] of xs.entries()) { total = expr; }`
 * with the accumulator renamed to `total`. Anything else (`reduceRight`, no initial value, the 4th
 * array parameter) stays AM320.
 */
function reduceLoop(fn: ts.ArrowFunction | ts.FunctionExpression, call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  if (call.arguments.length !== 2 || call.typeArguments || fn.type) return false;
  if (fn.parameters.length < 2 || fn.parameters.length > 3 || fn.parameters.some((p) => p.dotDotDotToken || p.initializer)) return false;
  const acc = fn.parameters[0].name;
  if (!ts.isIdentifier(acc)) return false;
  if (ts.isFunctionExpression(fn) && usesOwnThis(fn.body)) return false;
  let expr: ts.Node = fn.body;
  if (ts.isBlock(fn.body)) {
    const only = fn.body.statements.length === 1 ? fn.body.statements[0] : undefined;
    if (!only || !ts.isReturnStatement(only) || !only.expression) return false;
    expr = only.expression;
  }
  const parent = call.parent; // `xs.reduce(…) as T` stays: the cast would have nothing to apply to
  if (!parent || !ts.isVariableDeclaration(parent) || parent.initializer !== call || !ts.isIdentifier(parent.name)) return false;
  const list = parent.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(list.parent) || !(ts.isBlock(list.parent.parent) || ts.isSourceFile(list.parent.parent))) return false;
  const declared = parent.name.text;
  const accSymbol = checker.getSymbolAtLocation(acc);
  let safe = true;
  const scan = (n: ts.Node): void => {
    if (!safe) return;
    if (ts.isIdentifier(n)) {
      if (n.text === declared) safe = false;
      else if (n.text === acc.text && ts.isShorthandPropertyAssignment(n.parent)) safe = false; // `{ acc }` would change its key
      else if (n.text === acc.text && (ts.isParameter(n.parent) || ts.isVariableDeclaration(n.parent) || ts.isBindingElement(n.parent) || ts.isFunctionDeclaration(n.parent) || ts.isFunctionExpression(n.parent) || ts.isClassLike(n.parent)) && n.parent.name === n) safe = false; // shadowed
    }
    ts.forEachChild(n, scan);
  };
  for (const p of fn.parameters.slice(1)) scan(p.name);
  scan(expr);
  return safe && !!accSymbol;
}

/**
 * `xs.forEach(cb)` in statement position or `xs.map(cb)`, with `xs` an array and `cb` an inline
 * callback taking (item) or (item, index), no thisArg, not already async, not a generator, no
 * `this`/`arguments` of a function expression; for forEach, no `return` with a value and none inside
 * a loop of its own (it becomes `continue`). `xs.flatMap(cb)` is restructured where `map` would be;
 * `reduce` in a declaration, see {@link reduceLoop}. Anything else stays AM320.
 */
export function restructurableArrayCall(fn: ts.ArrowFunction | ts.FunctionExpression, checker: ts.TypeChecker, concurrency: 'parallel' | 'sequential' = 'parallel'): { call: ts.CallExpression; kind: RestructureKind } | undefined {
  const { node, parent } = outerParent(fn);
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== node) return undefined;
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return undefined;
  const method = callee.name.text;
  if (method === 'reduce' && !hasModifier(fn, ts.SyntaxKind.AsyncKeyword) && !fn.asteriskToken) {
    const type = checker.getTypeAtLocation(callee.expression);
    return (checker.isArrayType(type) || checker.isTupleType(type)) && reduceLoop(fn, parent, checker) ? { call: parent, kind: 'reduce-loop' } : undefined;
  }
  if (parent.arguments.length !== 1) return undefined;
  if (method !== 'forEach' && method !== 'map' && method !== 'flatMap' && !SETTLED_METHODS.has(method)) return undefined;
  if (fn.parameters.length === 0 || fn.parameters.length > 2 || fn.parameters.some((p) => p.dotDotDotToken || p.initializer)) return undefined;
  if (hasModifier(fn, ts.SyntaxKind.AsyncKeyword) || fn.asteriskToken) return undefined;
  const type = checker.getTypeAtLocation(callee.expression);
  if (!checker.isArrayType(type) && !checker.isTupleType(type)) return undefined;
  if (concurrency === 'sequential' && method !== 'forEach') return sequentialLoop(fn, parent, method) ? { call: parent, kind: 'sequential-loop' } : undefined;
  if (method === 'map') return { call: parent, kind: 'promise-all' };
  if (method === 'flatMap') return { call: parent, kind: 'promise-all-flat' };
  if (SETTLED_METHODS.has(method)) return isStableReceiver(callee.expression) ? { call: parent, kind: 'promise-all-then' } : undefined;
  const statement = outerParent(parent).parent;
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  if (ts.isFunctionExpression(fn) && usesOwnThis(fn.body)) return undefined;
  if (ts.isBlock(fn.body) && hasUnsafeReturn(fn.body)) return undefined;
  return { call: parent, kind: 'for-of' };
}

/** `xs.forEach(<fn>)`: the callback's concise body may become a loop statement. */
export function isForEachCallback(fn: ts.ArrowFunction): boolean {
  const { parent } = outerParent(fn);
  return !!parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'forEach';
}

