/**
 * Where a site runs: in an async function, in a promise callback, in a synchronous function (whose
 * callers decide), or at module top level — and whether that code is CLI-only.
 *
 * Inline callbacks that run synchronously inside their enclosing function (array methods, IIFEs,
 * the `new Promise` executor) are transparent: `items.map((p) => readFileSync(p))` inside an async
 * function is in async code.
 */
import type { ASTPath } from 'jscodeshift';
import { propertyName, isGlobal } from './resolve-io-call';
import { FUNCTION_NODE_TYPES } from '../../transforms/lib/node-kinds';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;
type AnyPath = ASTPath<AnyNode>;

const FUNCTION_TYPES = new Set([...FUNCTION_NODE_TYPES, 'TSDeclareMethod']);

/** Array methods that call their callback synchronously, before they return. */
export const SYNC_ARRAY_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort',
]);
/** Promise methods whose callbacks run as asynchronous continuations. */
export const PROMISE_CALLBACK_METHODS = new Set(['then', 'catch', 'finally']);

/** True for any function-like node. */
export function isFunctionNode(node: AnyNode): boolean {
  return Boolean(node) && FUNCTION_TYPES.has(node.type);
}

/** Where a site runs. */
export type SiteContextKind = 'async' | 'promise-callback' | 'sync' | 'top-level';

/** The context of a site, with the function that decides it (absent at top level). */
export interface SiteContext {
  kind: SiteContextKind;
  /** The deciding function's path (async / promise callback / sync function). */
  fn?: AnyPath;
  /** Inside a `require.main === module` block, or the file starts with a shebang. */
  cli: boolean;
  /**
   * Set for an instance field initialiser (`class C { x = readFileSync(p) }`): it runs in C's
   * constructor, which is then `fn` (the class node itself when the constructor is implicit).
   * The value is `C`.
   */
  fieldOf?: string;
}

const FIELD_TYPES = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'PropertyDefinition']);

/** The ClassBody path when `from` sits in a non-static field initialiser, looking up to (not into) `stop`. */
function instanceFieldBody(from: AnyPath, stop: AnyPath | undefined): AnyPath | undefined {
  for (let p = from; p.parent && p.parent !== stop; p = p.parent) {
    const parent = p.parent.node;
    if (FIELD_TYPES.has(parent.type) && parent.value === p.node) return parent.static ? undefined : p.parent.parent;
  }
  return undefined;
}

/** The context of a site in an instance field initialiser of the class whose body is `body`. */
function fieldContext(body: AnyPath, cli: boolean): SiteContext {
  const index = body.node.body.findIndex((m: AnyNode) => m.type === 'ClassMethod' && m.kind === 'constructor');
  const cls = body.parent?.node;
  const fieldOf = cls?.id?.name ?? '<class>';
  // without an explicit constructor, the class node stands for its implicit one (the call graph
  // gives it the same id: see collectGraphFacts)
  return { kind: 'sync', fn: index >= 0 ? body.get('body', index) : body.parent, cli, fieldOf };
}

/** If the function at `fnPath` is an argument of a call, that call's path and method name. */
function callbackOf(fnPath: AnyPath): { call: AnyPath; method?: string } | undefined {
  const parent = fnPath.parent;
  if (!parent) return undefined;
  const p = parent.node;
  if ((p.type === 'CallExpression' || p.type === 'OptionalCallExpression' || p.type === 'NewExpression') && p.arguments.includes(fnPath.node)) {
    const method = propertyName(p.callee) ?? (p.callee.type === 'Identifier' ? p.callee.name : undefined);
    return { call: parent, method };
  }
  return undefined;
}

/** True when the function at `fnPath` runs synchronously inside its enclosing function. */
export function isTransparentCallback(fnPath: AnyPath): boolean {
  const parent = fnPath.parent?.node;
  if (!parent) return false;
  // IIFE: (() => { … })()
  if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') && parent.callee === fnPath.node) return !fnPath.node.async;
  if (fnPath.node.async || fnPath.node.generator) return false;
  const cb = callbackOf(fnPath);
  if (!cb) return false;
  const callNode = cb.call.node;
  if (callNode.type === 'NewExpression') return callNode.callee.type === 'Identifier' && callNode.callee.name === 'Promise' && isGlobal(cb.call, 'Promise');
  return cb.method !== undefined && SYNC_ARRAY_METHODS.has(cb.method) && callNode.callee.type !== 'Identifier';
}

/** True when the function at `fnPath` is passed directly to `.then`/`.catch`/`.finally`. */
export function isPromiseCallback(fnPath: AnyPath): boolean {
  const cb = callbackOf(fnPath);
  return Boolean(cb && cb.call.node.type !== 'NewExpression' && cb.call.node.callee.type !== 'Identifier' && cb.method && PROMISE_CALLBACK_METHODS.has(cb.method));
}

/** `require.main === module` (either order, == or ===). */
function isRequireMainTest(node: AnyNode): boolean {
  if (node?.type !== 'BinaryExpression' || (node.operator !== '===' && node.operator !== '==')) return false;
  const isRequireMain = (n: AnyNode) => (n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'require' && propertyName(n) === 'main');
  const isModule = (n: AnyNode) => n.type === 'Identifier' && n.name === 'module';
  return (isRequireMain(node.left) && isModule(node.right)) || (isModule(node.left) && isRequireMain(node.right));
}

/** True when `path` is inside the consequent of an `if (require.main === module)` block. */
export function isInRequireMainBlock(path: AnyPath): boolean {
  for (let p = path; p && p.parent; p = p.parent) {
    const parent = p.parent.node;
    if (parent.type === 'IfStatement' && parent.consequent === p.node && isRequireMainTest(parent.test)) return true;
  }
  return false;
}

/** The nearest enclosing function path of `path` (not `path` itself), or undefined at top level. */
export function enclosingFunction(path: AnyPath): AnyPath | undefined {
  for (let p = path.parent; p; p = p.parent) if (isFunctionNode(p.node)) return p;
  return undefined;
}

/**
 * Classify where the site at `path` runs. `cliFile` is true for a file that starts with a shebang.
 */
export function siteContext(path: AnyPath, cliFile: boolean): SiteContext {
  const cli = cliFile || isInRequireMainBlock(path);
  let from = path;
  let fn = enclosingFunction(path);
  for (;;) {
    const field = instanceFieldBody(from, fn);
    if (field) return fieldContext(field, cli);
    if (!fn) return { kind: 'top-level', cli };
    if (fn.node.async) return { kind: 'async', fn, cli };
    if (isPromiseCallback(fn)) return { kind: 'promise-callback', fn, cli };
    if (!isTransparentCallback(fn)) return { kind: 'sync', fn, cli };
    from = fn;
    fn = enclosingFunction(fn);
  }
}

/**
 * A readable name for the function at `fnPath`: `load`, `Settings.read`, `exports.run`,
 * `<anonymous>`; callbacks are named after what receives them (`<callback of then>`).
 */
export function functionName(fnPath: AnyPath): string {
  const node = fnPath.node;
  if (node.id?.type === 'Identifier') return node.id.name;
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod' || node.type === 'TSDeclareMethod') {
    const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'PrivateName' ? `#${node.key.id.name}` : (node.key.value ?? '[computed]');
    const cls = fnPath.parent?.parent?.node;
    const className = cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? cls.id?.name : undefined;
    if (node.kind === 'constructor') return `${className ?? '<class>'} constructor`;
    return className ? `${className}.${key}` : String(key);
  }
  const parent = fnPath.parent?.node;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property' || parent?.type === 'ClassProperty' || parent?.type === 'ClassPrivateProperty') && parent.value === node) {
    if (parent.key.type === 'Identifier') return parent.key.name;
    if (parent.key.type === 'PrivateName') return `#${parent.key.id.name}`;
    return String(parent.key.value ?? '[computed]');
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === node) {
    const left = parent.left;
    const parts: string[] = [];
    let n = left;
    while (n.type === 'MemberExpression') {
      const name = propertyName(n);
      if (!name) break;
      parts.unshift(name);
      n = n.object;
    }
    if (n.type === 'Identifier') parts.unshift(n.name);
    else if (n.type === 'ThisExpression') parts.unshift('this');
    if (parts.length > 0) return parts.join('.');
  }
  const cb = callbackOf(fnPath);
  if (cb?.method) return `<callback of ${cb.method}>`;
  return '<anonymous>';
}
