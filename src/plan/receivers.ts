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
  | { kind: 'sync-only'; receiver: string; code: 'AM105' | 'AM107' }
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
  return undefined;
}

/** Whether the first argument of `call` is the string literal `text`. */
function firstArgIs(call: ts.CallExpression, text: string): boolean {
  const first = call.arguments[0];
  return first !== undefined && ts.isStringLiteralLike(first) && first.text === text;
}

/**
 * Classify the receiver of a function passed as an argument of `call` (a call or `new`).
 * Only the shape of the callee is looked at (names), not types: cheap and predictable. `allowed`
 * names (a method name like `on`, or a whole callee like `emitter.on`) count as promise-aware.
 */
export function classifyReceiver(call: ts.CallExpression | ts.NewExpression, allowed: ReadonlySet<string> = new Set()): ReceiverKind {
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
  if (TEST_FUNCTIONS.has(root) && chain.slice(1).every((n) => TEST_MODIFIERS.has(n) || n === 'each')) return { kind: 'promise-aware', receiver };
  if (chain.length === 2 && root === 't' && TEST_FUNCTIONS.has(last)) return { kind: 'promise-aware', receiver }; // node:test subtests
  if (chain.length === 2 && (root === 'process') && (last === 'on' || last === 'once') && (firstArgIs(call, 'exit'))) {
    return { kind: 'sync-only', receiver: "process.on('exit')", code: 'AM105' };
  }
  if (chain.length > 1 && SYNC_ONLY_METHODS.has(last)) return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 1 && SYNC_ONLY_FUNCTIONS.has(last)) return { kind: 'sync-only', receiver, code: 'AM107' };
  if (root === 'describe') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 2 && root === 'Array' && last === 'from') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length === 2 && root === 'JSON') return { kind: 'sync-only', receiver, code: 'AM107' };
  if (chain.length > 1 && ARRAY_METHODS.has(last)) return { kind: 'array-method', receiver };
  return { kind: 'unknown', receiver };
}
