/**
 * What a function passed as an argument is handed to: a receiver that handles promises (so the
 * callback may become async), or one that calls it synchronously and ignores what it returns (so the
 * callback, and everything it calls, must stay sync).
 *
 * Sources: Promise.prototype.then/catch/finally (ECMAScript spec: the reaction's result is adopted);
 * jest, vitest, mocha and node:test await a test function's or hook's returned promise (their docs,
 * "async tests"); `describe` bodies are collected synchronously in all four. Event listeners
 * (EventEmitter `on`/`once`/…, DOM `addEventListener`), timers, `process.nextTick`,
 * `queueMicrotask`, `Array.prototype.sort`, `Array.from`'s mapper, `JSON.parse`'s reviver,
 * `JSON.stringify`'s replacer and `String.prototype.replace`'s replacer ignore returned promises.
 */
import { ts } from 'ts-morph';

/** How a receiver treats a function passed to it. */
export type ReceiverKind =
  /** awaits or chains the returned promise: the callback may become async */
  | { kind: 'promise-aware'; receiver: string }
  /** calls it synchronously and ignores returned promises */
  | { kind: 'sync-only'; receiver: string; code: 'AM105' | 'AM107' | 'AM114' }
  /** an array method whose callback would need restructuring, not just `async` */
  | { kind: 'array-method'; receiver: string }
  /** unknown code: the tool cannot see how the function is called */
  | { kind: 'unknown'; receiver: string };

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const TEST_FUNCTIONS = new Set(['it', 'test', 'before', 'beforeEach', 'beforeAll', 'after', 'afterEach', 'afterAll']);
const TEST_MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'serial', 'sequential', 'fails']);
const SYNC_ONLY_METHODS = new Set([
  'sort', 'toSorted', 'replace', 'replaceAll',
  'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener',
  'nextTick',
]);
const SYNC_ONLY_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'describe']);
const ARRAY_METHODS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'flatMap']);

/** `a.b.c` → ['a', 'b', 'c'] for identifiers and property accesses; undefined for other shapes. */
function nameChain(expr: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expr)) return [expr.text];
  if (ts.isPropertyAccessExpression(expr)) {
    const left = nameChain(expr.expression);
    return left ? [...left, expr.name.text] : [expr.name.text];
  }
  if (ts.isCallExpression(expr)) return nameChain(expr.expression); // test.each(table)(name, fn)
  if (ts.isTaggedTemplateExpression(expr)) return nameChain(expr.tag); // test.each`a | b ${1} | ${2}`(name, fn)
  return undefined;
}

/** `(rows)`, `rows as const`, `rows!`, `<T>rows`, `rows satisfies T`: the expression inside. */
function skipWrappers(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/**
 * How many parameters one row of a test table fills, for `it.each(table)(name, fn)`: jest spreads a row
 * that is an array into the test function's arguments, passes any other row (a primitive, an object,
 * a row of a template-literal table) as one argument, and passes `done` after them only when the
 * function declares more parameters than the row fills (jest docs, "test.each"; jest-each). The table
 * is read from an array literal (inline, or the initialiser of the `const` it names), else from its
 * type (an array of tuples). Rows of different lengths count as the shortest. Undefined when unknown.
 */
function tableRowLength(table: ts.Expression | undefined, checker: ts.TypeChecker): number | undefined {
  if (!table) return undefined;
  let literal = skipWrappers(table);
  if (ts.isIdentifier(literal)) {
    const decl = checker.getSymbolAtLocation(literal)?.valueDeclaration;
    const constant = decl && ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    if (constant && decl.initializer) literal = skipWrappers(decl.initializer);
  }
  if (ts.isArrayLiteralExpression(literal) && literal.elements.length > 0) {
    const lengths = literal.elements.map((row) => {
      if (ts.isSpreadElement(row)) return undefined;
      const r = skipWrappers(row);
      if (ts.isArrayLiteralExpression(r)) return r.elements.some(ts.isSpreadElement) ? undefined : r.elements.length;
      return rowTypeLength(checker.getTypeAtLocation(r), checker);
    });
    return lengths.every((n) => n !== undefined) ? Math.min(...(lengths as number[])) : undefined;
  }
  // `const cases: [string, number][]`: the rows' type.
  const row = checker.getIndexTypeOfType(checker.getTypeAtLocation(table), ts.IndexKind.Number);
  return row ? rowTypeLength(row, checker) : undefined;
}

/** The parameters a row of type `type` fills: a tuple its required length, an array unknown, anything else (a primitive, an object) one; `any`/`unknown` unknown. */
function rowTypeLength(type: ts.Type, checker: ts.TypeChecker): number | undefined {
  const lengths = (type.isUnion() ? type.types : [type]).map((t) => {
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return undefined;
    if (checker.isTupleType(t)) return ((t as ts.TypeReference).target as ts.TupleType).minLength;
    return checker.isArrayType(t) ? undefined : 1;
  });
  return lengths.length > 0 && lengths.every((n) => n !== undefined) ? Math.min(...(lengths as number[])) : undefined;
}

/**
 * The table form of a test function: `it.each(table)` or it.each`…` (jest, vitest: `each`), or
 * `test.for(table)` (vitest: the row as one argument, then the test context). Undefined for a plain call.
 */
function testTableOf(callee: ts.Expression): { method: 'each' | 'for'; rowLength?: (checker: ts.TypeChecker) => number | undefined } | undefined {
  if (ts.isTaggedTemplateExpression(callee) && ts.isPropertyAccessExpression(callee.tag) && (callee.tag.name.text === 'each' || callee.tag.name.text === 'for')) {
    return { method: callee.tag.name.text, rowLength: () => 1 }; // a template-literal table's row is one object
  }
  if (ts.isCallExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && (callee.expression.name.text === 'each' || callee.expression.name.text === 'for')) {
    const table = callee.arguments[0];
    return { method: callee.expression.name.text, rowLength: (checker) => tableRowLength(table, checker) };
  }
  return undefined;
}

/** Whether the checker types `expr` (parentheses, conditionals, `as` and `!` included) as an array or a tuple. */
function isArrayTyped(expr: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(expr);
  return checker.isArrayType(type) || checker.isTupleType(type);
}

/** Whether the first argument of `call` is the string literal `text`. */
function firstArgIs(call: ts.CallExpression, text: string): boolean {
  const first = call.arguments[0];
  return first !== undefined && ts.isStringLiteralLike(first) && first.text === text;
}

/** The module a test function comes from: `import { test } from 'node:test'`, `const { test } = require('tap')`; undefined for a global (mocha, jest) or any other declaration. */
function testModuleOf(root: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const symbol = checker.getSymbolAtLocation(root);
  const decl = symbol?.declarations?.[0];
  if (!decl) return undefined;
  let node: ts.Node = decl;
  while (node.parent && !ts.isSourceFile(node) && !ts.isImportDeclaration(node) && !ts.isVariableDeclaration(node)) node = node.parent;
  if (ts.isImportDeclaration(node)) return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    let init: ts.Expression = node.initializer;
    while (ts.isPropertyAccessExpression(init)) init = init.expression; // require('tap').test
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteralLike(init.arguments[0])) return init.arguments[0].text;
  }
  return undefined;
}

/**
 * Whether a test function or hook passed to `call` takes a `done` callback: then mocha ("Resolution
 * method is overspecified") and jest reject it if it also returns a promise, so it must stay sync.
 * The position of `done` depends on the framework (their docs): mocha and jest globals (or
 * `@jest/globals`, `mocha`) pass it first; node:test passes the test context first and `done`
 * second, also to subtests `t.test(…)`; tap, vitest and ava pass only a context. A table test
 * (`it.each(table)(name, fn)`, it.each`…`) passes the row's values first, `done` after them
 * ({@link tableRowLength}); vitest's `test.for` passes the row and a context.
 * @param callback the function passed (its declared parameters are counted, a TypeScript `this` parameter excluded)
 */
export function takesDoneCallback(call: ts.CallExpression, callback: ts.SignatureDeclaration, checker: ts.TypeChecker): boolean {
  const params = callback.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
  if (params.length === 0) return false;
  let root: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isTaggedTemplateExpression(root)) root = ts.isTaggedTemplateExpression(root) ? root.tag : root.expression;
  if (!ts.isIdentifier(root)) return false;
  if (root.text === 't') return params.length >= 2; // node:test subtest (t, done); tap's t.test(t => …) has no done
  const from = testModuleOf(root, checker);
  if (from === 'node:test' || from === 'test') return params.length >= 2;
  if (from === 'tap' || from === 'vitest' || from === 'ava') return false;
  const table = testTableOf(call.expression);
  if (table?.method === 'for') return false; // vitest's test.for: (row, context); vitest has no done
  if (table) {
    // The row's values come first; `done` is a parameter after them. A row of unknown length with two
    // or more parameters may end in `done`: it stays sync.
    const rowLength = table.rowLength?.(checker);
    return rowLength === undefined ? params.length >= 2 : params.length > rowLength;
  }
  return true;
}

/**
 * Classify the receiver of a function passed as an argument of `call` (a call or `new`).
 * Only the shape of the callee is looked at (names), not types: cheap and predictable. `allowed`
 * names (a method name like `on`, or a whole callee like `emitter.on`) count as promise-aware.
 * With `callback` and `checker`, a test function or hook that takes a `done` callback
 * ({@link takesDoneCallback}) is sync-only (AM114), and an array method called on a receiver without
 * a name (`(cond ? xs : [x]).map(cb)`, `(v as T[]).map(cb)`, `xs!.map(cb)`) is one when the checker
 * types the receiver as an array or tuple.
 */
export function classifyReceiver(call: ts.CallExpression | ts.NewExpression, allowed: ReadonlySet<string> = new Set(), callback?: ts.Node, checker?: ts.TypeChecker): ReceiverKind {
  const chain = nameChain(call.expression);
  // `--allow-callbacks on,setTimeout`: the user says these receivers handle returned promises.
  if (chain && (allowed.has(chain[chain.length - 1]) || allowed.has(chain.join('.')))) return { kind: 'promise-aware', receiver: `${chain.join('.')}()` };
  if (ts.isNewExpression(call)) {
    const name = chain?.join('.') ?? 'an expression';
    return name === 'Promise' ? { kind: 'sync-only', receiver: 'new Promise()', code: 'AM107' } : { kind: 'unknown', receiver: `new ${name}()` };
  }
  if (!chain) return { kind: 'unknown', receiver: 'an expression' };
  const last = chain[chain.length - 1];
  const receiver = `${chain.join('.')}()`;
  if (chain.length > 1 && PROMISE_METHODS.has(last)) return { kind: 'promise-aware', receiver };
  const root = chain[0];
  const isTest = (TEST_FUNCTIONS.has(root) && chain.slice(1).every((n) => TEST_MODIFIERS.has(n) || n === 'each' || n === 'for')) || (chain.length === 2 && root === 't' && TEST_FUNCTIONS.has(last)); // t.test: node:test subtests
  if (isTest) {
    const fn = callback && (ts.isFunctionLike(callback) ? callback : undefined);
    if (fn && checker && ts.isCallExpression(call) && takesDoneCallback(call, fn, checker)) return { kind: 'sync-only', receiver, code: 'AM114' };
    return { kind: 'promise-aware', receiver };
  }
  if (chain.length === 2 && (root === 'process') && (last === 'on' || last === 'once') && (firstArgIs(call, 'exit'))) {
    return { kind: 'sync-only', receiver: "process.on('exit')", code: 'AM105' };
  }
  if (chain.length > 1 && SYNC_ONLY_METHODS.has(last)) return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 1 && SYNC_ONLY_FUNCTIONS.has(last)) return { kind: 'sync-only', receiver, code: 'AM107' };
  if (root === 'describe') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 2 && root === 'Array' && last === 'from') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 2 && root === 'JSON') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length > 1 && ARRAY_METHODS.has(last)) return { kind: 'array-method', receiver };
  // `(Array.isArray(x) ? x : [x]).map(cb)`, `(x as T[]).map(cb)`, `xs!.map(cb)`: no name, but an array type.
  if (ARRAY_METHODS.has(last) && checker && ts.isPropertyAccessExpression(call.expression) && isArrayTyped(call.expression.expression, checker)) return { kind: 'array-method', receiver };
  return { kind: 'unknown', receiver };
}
