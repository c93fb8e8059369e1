/**
 * Which calls with an inline callback can be restructured when the callback must become async
 * (array methods, `expect(…).toThrow()`, `assert.throws`), and how: see {@link RestructureKind}.
 * Under `--concurrency=sequential` the array methods become `for…of` loops ({@link sequentialLoop});
 * a shape that cannot is refused with its reason, which the AM320 message carries.
 * Pure analysis over the TypeScript AST; the edits are made by transforms/propagate-async/restructure-callbacks.ts.
 */
import { ts } from 'ts-morph';
import type { RestructureKind } from './call-graph';
import { hasModifier, outerParent, skipOuter } from './syntax';


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

/** Array methods whose inline callback becomes a `for…of` loop under `--concurrency=sequential`. */
const SEQUENTIAL_METHODS = new Set(['map', 'filter', 'flatMap', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** Array methods whose inline callback may itself become a loop body: a `return xs.map(…)` inside it belongs to that callback, so it is not restructured. */
const INLINED_CALLBACK_METHODS = new Set([...SEQUENTIAL_METHODS, 'forEach', 'reduce']);

/** What {@link restructurableArrayCall} found for one call: how to restructure it, or why it cannot. */
export type ArrayCallRestructuring =
  | {
      call: ts.CallExpression;
      kind: RestructureKind;
      /**
       * `sequential-loop` only: a TypeScript type for the result variable or temporary (`number[]`,
       * `Item | undefined`) when `[]` / an uninitialised `let` would not type-check on its own (see
       * {@link needsResultType}); printed by the checker in the call's scope.
       */
      resultType?: string;
    }
  | { refused: string };

/** The compiler options {@link restructurableArrayCall} reads (from the analysed program). */
export interface RestructureOptions {
  /** `parallel` (default) or `sequential` (`--concurrency`). */
  concurrency?: 'parallel' | 'sequential';
  /** The program's compiler options: `strict`, `strictNullChecks`, `noImplicitAny` decide whether a result type is written. */
  compilerOptions?: ts.CompilerOptions;
  /** A receiver known to be an array although its type is not (a JavaScript parameter that every call passes an array to). */
  arrayReceiver?: ts.Expression;
}

/** Whether the end of `statements` can be reached (conservative: only return/throw, blocks, if/else and try are looked into). */
function canFallThrough(statements: readonly ts.Statement[]): boolean {
  const last = statements[statements.length - 1];
  if (!last) return true;
  const ends = (st: ts.Statement): boolean => {
    if (ts.isReturnStatement(st) || ts.isThrowStatement(st)) return true;
    if (ts.isBlock(st)) return !canFallThrough(st.statements);
    if (ts.isIfStatement(st)) return !!st.elseStatement && ends(st.thenStatement) && ends(st.elseStatement);
    if (ts.isTryStatement(st)) return (!!st.finallyBlock && !canFallThrough(st.finallyBlock.statements)) || (!canFallThrough(st.tryBlock.statements) && (!st.catchClause || !canFallThrough(st.catchClause.block.statements)));
    return false;
  };
  return !ends(last);
}

/**
 * Why a callback's body cannot be inlined as a loop body, or undefined: a `return` inside a
 * loop, switch or label of its own (`continue`/`break` would bind to it), a `return` in a `finally`
 * (it would override the pushed value), a `var` (hoisted: shared by every item), or an assignment
 * to a parameter (the loop variables are `const`).
 */
function callbackBodyRefusal(fn: ts.ArrowFunction | ts.FunctionExpression): string | undefined {
  const params = new Set<string>();
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) params.add(name.text);
    else for (const e of name.elements) if (!ts.isOmittedExpression(e)) collect(e.name);
  };
  for (const p of fn.parameters) collect(p.name);
  let why: string | undefined;
  const walk = (node: ts.Node, inLoop: boolean, inFinally: boolean): void => {
    if (why || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && inLoop) why = 'the callback returns from inside a loop or switch of its own';
    else if (ts.isReturnStatement(node) && inFinally) why = 'the callback returns from a finally block';
    else if (ts.isVariableDeclarationList(node) && !(node.flags & ts.NodeFlags.BlockScoped)) why = 'the callback declares a var (it would be shared by every item)';
    else if ((ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(skipOuter(node.left)) && params.has((skipOuter(node.left) as ts.Identifier).text)) ||
      ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) && ts.isIdentifier(skipOuter(node.operand)) && params.has((skipOuter(node.operand) as ts.Identifier).text))) {
      why = 'the callback assigns to its parameter';
    }
    if (why) return;
    const loop = inLoop || ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isLabeledStatement(node);
    if (ts.isTryStatement(node)) {
      walk(node.tryBlock, loop, inFinally);
      if (node.catchClause) walk(node.catchClause, loop, inFinally);
      if (node.finallyBlock) walk(node.finallyBlock, loop, true);
      return;
    }
    ts.forEachChild(node, (c) => walk(c, loop, inFinally));
  };
  walk(fn.body, false, false);
  return why;
}

/** The expressions a callback returns: the concise body, or every `return e` of its own (undefined for a bare `return;`). */
function returnedExpressions(fn: ts.ArrowFunction | ts.FunctionExpression): (ts.Expression | undefined)[] {
  if (!ts.isBlock(fn.body)) return [fn.body];
  const out: (ts.Expression | undefined)[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) out.push(node.expression);
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(fn.body, walk);
  return out;
}

/** Whether `name` occurs as an identifier inside a function nested in `scope` (an evolving `[]` / `let x;` cannot be typed there). */
function referencedFromNestedFunction(scope: ts.Node, name: string): boolean {
  let found = false;
  const walk = (node: ts.Node, nested: boolean): void => {
    if (found) return;
    if (nested && ts.isIdentifier(node) && node.text === name) found = true;
    ts.forEachChild(node, (c) => walk(c, nested || ts.isFunctionLike(node)));
  };
  walk(scope, false);
  return found;
}

/** Whether `node` (the callback) mentions an identifier spelled `name`. */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else ts.forEachChild(n, walk);
  };
  walk(node);
  return found;
}

/**
 * Whether the result of a sequential loop needs a written type: an empty `[]` (map, filter, flatMap)
 * or an uninitialised `let found;` (find, findLast) relies on TypeScript's evolving types, which
 * `strictNullChecks` without `noImplicitAny` turns into `never[]`, and which `noImplicitAny` rejects
 * when the variable is read in a nested function or exported.
 * Source: TypeScript 2.1 release notes, "Improved any inference" (control-flow typed `let x;` and `[]`).
 */
function needsResultType(options: ts.CompilerOptions | undefined, captured: boolean, evolvingArray: boolean): boolean {
  const strict = options?.strict ?? false;
  const noImplicitAny = options?.noImplicitAny ?? strict;
  const strictNullChecks = options?.strictNullChecks ?? strict;
  if (evolvingArray && strictNullChecks && !noImplicitAny) return true;
  return noImplicitAny && captured;
}

/**
 * `--concurrency=sequential`: where the result of `xs.<method>(cb)` can go when the call becomes a
 * `for…of` loop: a declaration of its own (`const ys = …;`, one identifier declarator, in a block
 * or at top level, no wrapper around the call), `return …;` or an arrow's concise body (`(xs) => xs.map(…)`,
 * which becomes a block), or an assignment statement `ys = …;` / `this.ys = …;` — all but the first
 * through a fresh temporary the transform names. Returns the refusal reason otherwise.
 */
function sequentialTarget(call: ts.CallExpression, fn: ts.ArrowFunction | ts.FunctionExpression): { declared?: ts.VariableDeclaration; scope: ts.Node } | string {
  const parent = call.parent;
  const inList = (st: ts.Node): boolean => ts.isBlock(st.parent) || ts.isSourceFile(st.parent) || ts.isCaseClause(st.parent) || ts.isDefaultClause(st.parent);
  const inStatementPosition = (st: ts.Node): boolean => inList(st) || (ts.isIfStatement(st.parent) && st.parent.expression !== st);
  if (ts.isVariableDeclaration(parent) && parent.initializer === call) {
    const list = parent.parent;
    if (!ts.isIdentifier(parent.name)) return 'the result is destructured';
    if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(list.parent) || !(ts.isBlock(list.parent.parent) || ts.isSourceFile(list.parent.parent))) return 'the declaration is not a statement of its own with one declarator';
    if (!(list.flags & ts.NodeFlags.BlockScoped)) return 'the result is declared with var';
    if (mentions(fn, parent.name.text) || mentions(call.expression, parent.name.text)) return `the call mentions ${parent.name.text}, the variable being declared`;
    return { declared: parent, scope: list.parent.parent };
  }
  if ((ts.isReturnStatement(parent) && parent.expression === call) || (ts.isArrowFunction(parent) && parent.body === call)) {
    if (ts.isReturnStatement(parent) && !inStatementPosition(parent)) return 'the return statement is not in a block or if';
    let owner: ts.Node = ts.isArrowFunction(parent) ? parent : parent.parent;
    while (!ts.isFunctionLike(owner) && !ts.isSourceFile(owner)) owner = owner.parent;
    const outer = ts.isArrowFunction(owner) || ts.isFunctionExpression(owner) ? outerParent(owner).parent : undefined;
    if (outer && ts.isCallExpression(outer) && ts.isPropertyAccessExpression(outer.expression) && INLINED_CALLBACK_METHODS.has(outer.expression.name.text)) return `the return is inside the callback of ${outer.expression.getText()}(), which is restructured too`;
    return { scope: parent };
  }
  const stableTarget = (e: ts.Expression): boolean => ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && !e.questionDotToken && e.expression.kind === ts.SyntaxKind.ThisKeyword);
  if (ts.isBinaryExpression(parent) && parent.right === call && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isExpressionStatement(parent.parent)) {
    if (!stableTarget(parent.left)) return 'the assignment target is not a variable or this.property';
    if (!inStatementPosition(parent.parent)) return 'the assignment statement is not in a block or if';
    return { scope: parent.parent };
  }
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) return 'the call is wrapped in parentheses, a cast or !';
  return 'its value is used inside an expression; only `const x = …;`, `x = …;`, `return …;` and a concise arrow body become loops';
}

/**
 * `--concurrency=sequential`: `xs.map|filter|flatMap|some|every|find|findIndex|findLast|findLastIndex(cb)`
 * becomes a `for…of` loop that awaits one item at a time (`sequential-loop`), with the array method's
 * sync semantics: map pushes each returned value (`undefined` when the callback falls off its end),
 * filter pushes the item when the returned value is truthy, flatMap spreads each returned array, some/every/
 * find/findIndex stop at the first decisive item (`break`), findLast/findLastIndex walk a reversed copy
 * of the entries. The callback takes (item) or (item, index) — index → `xs.entries()` — with a concise
 * body or a block whose own `return`s are not inside its loops/switches/finally blocks; no `this`/`arguments`
 * of a function expression, no `var`, no type parameters, no assignment to a parameter; filter/find/findLast
 * take an identifier item; flatMap's callback always returns an array type; no type arguments on the call.
 * Where the result goes: {@link sequentialTarget}. Returns the refusal reason for anything else (AM320).
 */
function sequentialLoop(fn: ts.ArrowFunction | ts.FunctionExpression, call: ts.CallExpression, method: string, checker: ts.TypeChecker, options: RestructureOptions): { resultType?: string } | string {
  if (call.typeArguments) return 'the call has type arguments';
  if (fn.typeParameters) return 'the callback is generic';
  if (ts.isFunctionExpression(fn) && usesOwnThis(fn.body)) return 'the callback uses its own this or arguments';
  if (['filter', 'find', 'findLast'].includes(method) && !ts.isIdentifier(fn.parameters[0].name)) return `the ${method} callback destructures its item, which the loop must keep whole`;
  if (method === 'flatMap' && fn.type) return 'the flatMap callback has a return type annotation';
  const why = callbackBodyRefusal(fn);
  if (why) return why;
  if (method === 'flatMap') {
    const returned = returnedExpressions(fn);
    if ((ts.isBlock(fn.body) && canFallThrough(fn.body.statements)) || returned.some((e) => !e)) return 'the flatMap callback may return undefined';
    for (const e of returned) {
      const type = checker.getTypeAtLocation(e as ts.Expression);
      if (!checker.isArrayType(type) && !checker.isTupleType(type)) return 'the flatMap callback may return something other than an array';
    }
  }
  const target = sequentialTarget(call, fn);
  if (typeof target === 'string') return target;
  if (target.declared?.type && ['map', 'filter', 'flatMap'].includes(method)) {
    // `const ys: readonly T[] = []` could not be pushed to.
    const written = checker.getTypeFromTypeNode(target.declared.type);
    const parts = (written.isUnion() ? written.types : [written]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (!parts.some((t) => (t.flags & ts.TypeFlags.Any) !== 0 || checker.getPropertyOfType(t, 'push'))) return `the declared type ${target.declared.type.getText()} has no push (readonly?)`;
  }
  // A written type for `[]` / `let found;` when the evolving one would not type-check (TypeScript files only).
  const evolving = ['map', 'filter', 'flatMap', 'find', 'findLast'].includes(method);
  const declaredType = target.declared?.type;
  const isTs = /\.[cm]?tsx?$/.test(call.getSourceFile().fileName);
  if (!evolving || declaredType || !isTs) return {};
  const declared = target.declared;
  const exported = !!declared && ts.isVariableStatement(declared.parent.parent) && hasModifier(declared.parent.parent, ts.SyntaxKind.ExportKeyword);
  const captured = exported || (!!declared && ts.isIdentifier(declared.name) && referencedFromNestedFunction(target.scope, declared.name.text));
  if (!needsResultType(options.compilerOptions, captured, method !== 'find' && method !== 'findLast')) return {};
  const type = checker.getTypeAtLocation(call);
  return { resultType: checker.typeToString(type, call, ts.TypeFormatFlags.NoTruncation) };
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
 * `reduce` in a declaration, see {@link reduceLoop}. Under `options.concurrency === 'sequential'`,
 * every method but forEach and reduce is decided by {@link sequentialLoop}, which says why when it
 * refuses (`{ refused }`, reported with AM320). undefined: not restructurable (AM320), no reason given.
 */
export function restructurableArrayCall(fn: ts.ArrowFunction | ts.FunctionExpression, checker: ts.TypeChecker, options: RestructureOptions = {}): ArrayCallRestructuring | undefined {
  const { node, parent } = outerParent(fn);
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== node) return undefined;
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return undefined;
  const method = callee.name.text;
  if (method === 'reduce' && !hasModifier(fn, ts.SyntaxKind.AsyncKeyword) && !fn.asteriskToken) {
    const type = checker.getTypeAtLocation(callee.expression);
    return (checker.isArrayType(type) || checker.isTupleType(type) || options.arrayReceiver === callee.expression) && reduceLoop(fn, parent, checker) ? { call: parent, kind: 'reduce-loop' } : undefined;
  }
  const sequential = options.concurrency === 'sequential' && SEQUENTIAL_METHODS.has(method);
  const refuse = (why: string) => (sequential ? { refused: `--concurrency=sequential: ${why}` } : undefined);
  if (parent.arguments.length !== 1) return refuse('the call passes a thisArg');
  if (method !== 'forEach' && method !== 'map' && method !== 'flatMap' && !SETTLED_METHODS.has(method)) return undefined;
  if (fn.parameters.length === 0 || fn.parameters.length > 2 || fn.parameters.some((p) => p.dotDotDotToken || p.initializer)) return refuse('the callback takes no parameter, more than (item, index), a rest or a default');
  if (hasModifier(fn, ts.SyntaxKind.AsyncKeyword) || fn.asteriskToken) return refuse('the callback is already async or a generator');
  const type = checker.getTypeAtLocation(callee.expression);
  if (!checker.isArrayType(type) && !checker.isTupleType(type) && options.arrayReceiver !== callee.expression) return refuse('the receiver is not known to be an array');
  if (sequential) {
    const loop = sequentialLoop(fn, parent, method, checker, options);
    return typeof loop === 'string' ? refuse(loop) : { call: parent, kind: 'sequential-loop', ...loop };
  }
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

