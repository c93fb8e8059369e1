/**
 * Answer, from this file alone, whether the delegated call's callee returns a native promise on every
 * path and cannot throw synchronously. Accepted callees:
 * - an identifier bound to an `async` (non-generator) function declaration that is never reassigned;
 * - an identifier bound to a `const` whose initialiser is an `async` arrow or function expression, and
 *   which is initialised before the wrapper can run (no temporal dead zone);
 * - `this.m` / `this.#m` where `this` is an instance (or, in static code, the constructor) of a class
 *   declared here, whose own member `m` (same static-ness) is a single `async` method and — for public
 *   names — cannot be replaced: see {@link findMethodReplacement}. Private methods cannot be overridden.
 * Everything else is "unknown here" (AM501), which the project analysis may still answer.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { resolveLexical, type AnyNode, type LexicalDeclaration } from '../lib/lexical-scope';
import { findMethodReplacement } from './class-facts';
import { findThisOwner } from './find-this-owner';
import { isInitialisedBeforeCall } from './is-initialised-before-call';
import type { ReasonCodeId } from '../../src/core/reasons';

/** The local verdict on a callee. `askOracle` says whether the project analysis may know better. */
export type CalleeVerdict =
  | { ok: true; basis: string }
  | { ok: false; code: ReasonCodeId; message: string; askOracle: boolean };

/** Options of the transform that this step reads. */
export interface CalleeOptions {
  collapseThisCalls?: boolean;
}

const MEMBER_TYPES = new Set(['ClassMethod', 'ClassPrivateMethod', 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'PropertyDefinition', 'TSDeclareMethod']);

/** `x` without parentheses and TypeScript-only wrappers. */
function unwrap(node: AnyNode): AnyNode {
  let n = node;
  while (n && (n.type === 'ParenthesizedExpression' || n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression')) n = n.expression;
  return n;
}

const unknown = (message: string): CalleeVerdict => ({ ok: false, code: 'AM501', message, askOracle: true });

/** The single function declaration named `name` among the statements of `scope`, or why there is none. */
function findFunctionDeclaration(decl: LexicalDeclaration, name: string): AnyNode | string {
  if (decl.scope.type === 'FunctionExpression' && decl.scope.id === decl.id) return decl.scope;
  const statements: AnyNode[] = decl.scope.type === 'SwitchStatement' ? decl.scope.cases.flatMap((c: AnyNode) => c.consequent) : (decl.scope.body ?? []);
  const found = statements
    .map((s) => (/^Export/.test(s.type) && s.declaration ? s.declaration : s))
    .filter((s) => s.type === 'FunctionDeclaration' && s.id?.name === name);
  if (found.length === 1) return found[0];
  return found.length === 0 ? `${name} is declared in a way the transform does not follow` : `${name} is declared more than once`;
}

/** True when the file assigns to the binding `decl` (`g = …`, `g++`, `for (g of …)`). */
function isReassigned(j: JSCodeshift, root: Collection, decl: LexicalDeclaration, name: string): boolean {
  let reassigned = false;
  const check = (p: ASTPath, target: AnyNode) => {
    if (target?.type === 'Identifier' && target.name === name && resolveLexical(p, name)?.id === decl.id) reassigned = true;
  };
  root.find(j.AssignmentExpression).forEach((p: ASTPath) => check(p, (p.node as AnyNode).left));
  root.find(j.UpdateExpression).forEach((p: ASTPath) => check(p, (p.node as AnyNode).argument));
  root.find(j.ForInStatement).forEach((p: ASTPath) => check(p, (p.node as AnyNode).left));
  root.find(j.ForOfStatement).forEach((p: ASTPath) => check(p, (p.node as AnyNode).left));
  return reassigned;
}

/** Verdict for a callee written as a plain identifier. */
function resolveIdentifierCallee(j: JSCodeshift, root: Collection, fn: ASTPath, name: string): CalleeVerdict {
  const decl = resolveLexical(fn, name);
  if (!decl) return unknown(`${name} is not declared in this file`);
  if (decl.kind === 'import') return unknown(`${name} is imported; only the project analysis knows whether it returns a promise`);
  if (decl.kind === 'function') {
    const target = findFunctionDeclaration(decl, name);
    if (typeof target === 'string') return unknown(target);
    if (target === fn.node) return { ok: false, code: 'AM512', message: `${name} delegates to itself`, askOracle: false };
    if (!target.async || target.generator) return unknown(`${name} is not an async function`);
    if (isReassigned(j, root, decl, name)) return unknown(`${name} is reassigned in this file`);
    return { ok: true, basis: `${name} is an async function declared in this file` };
  }
  if (decl.kind === 'const') {
    const init = unwrap(decl.declarator?.id === decl.id ? decl.declarator.init : undefined);
    if (init === fn.node) return { ok: false, code: 'AM512', message: `${name} delegates to itself`, askOracle: false };
    if (!init || (init.type !== 'ArrowFunctionExpression' && init.type !== 'FunctionExpression') || !init.async || init.generator) {
      return unknown(`${name} is a const that does not hold an async function`);
    }
    if (!isInitialisedBeforeCall(decl, fn)) {
      return { ok: false, code: 'AM503', message: `${name} is a const that may still be uninitialised when the wrapper runs (temporal dead zone)`, askOracle: false };
    }
    return { ok: true, basis: `${name} is a const holding an async function` };
  }
  return unknown(`${name} is a ${decl.kind} binding whose value the transform does not track`);
}

/** The key name of a class member (`m` or `#m`), or undefined for computed keys. */
function memberKey(member: AnyNode): string | undefined {
  if (member.computed) return member.key?.type === 'StringLiteral' ? member.key.value : undefined;
  if (member.key?.type === 'Identifier') return member.key.name;
  if (member.key?.type === 'PrivateName') return `#${member.key.id.name}`;
  if (member.key?.type === 'StringLiteral') return member.key.value;
  return undefined;
}

/** Verdict for `this.m(…)` / `this.#m(…)`. */
function resolveThisCallee(j: JSCodeshift, root: Collection, fn: ASTPath, key: string, options: CalleeOptions): CalleeVerdict {
  const owner = findThisOwner(fn);
  if (!owner.known) return unknown(`this.${key}: ${owner.why}`);
  const cls: AnyNode = owner.classPath.node;
  const text = `this.${key}`;
  if (owner.inConstructor && cls.superClass) {
    return { ok: false, code: 'AM503', message: `${text}: \`this\` in a derived constructor throws before super()`, askOracle: false };
  }
  if (options.collapseThisCalls === false) {
    return { ok: false, code: 'AM503', message: `${text}: collapseThisCalls is off (methods may be called detached or patched from outside the file)`, askOracle: false };
  }
  const members = (cls.body.body as AnyNode[]).filter((m) => MEMBER_TYPES.has(m.type) && Boolean(m.static) === owner.isStatic && memberKey(m) === key);
  const methods = members.filter((m) => m.type !== 'TSDeclareMethod' || m.abstract);
  if (methods.length === 0) return unknown(`${text} is not declared in the class (it may be inherited)`);
  if (methods.length > 1) return unknown(`${text} is declared more than once in the class`);
  const method = methods[0];
  if (method === fn.node) return { ok: false, code: 'AM512', message: `${text} delegates to itself`, askOracle: false };
  if ((method.type !== 'ClassMethod' && method.type !== 'ClassPrivateMethod') || method.kind !== 'method' || !method.async || method.generator) {
    return unknown(`${text} is not an async method`);
  }
  if (key.startsWith('#')) return { ok: true, basis: `${text} is an async private method (cannot be overridden)` };
  const replacement = findMethodReplacement(j, root, owner.classPath, key);
  if (replacement) return { ok: false, code: 'AM510', message: `${text} may not be the async method at run time: ${replacement}`, askOracle: true };
  return { ok: true, basis: `${text} is an async method of a class that nothing else can extend or patch` };
}

/** A dotted name for a callee in messages (`db.find`), or `the callee` when it is not a plain chain. */
function calleeText(node: AnyNode): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') {
    const object = calleeText(node.object);
    return object === 'the callee' ? object : `${object}.${node.property.name}`;
  }
  return 'the callee';
}

/**
 * Step: the local verdict on the callee of `call`, made from the wrapper at `fn`.
 * Optional calls (`g?.(a)`) may return undefined, so they never qualify.
 */
export function resolveLocalCallee(j: JSCodeshift, root: Collection, fn: ASTPath, call: AnyNode, options: CalleeOptions): CalleeVerdict {
  if (call.type === 'OptionalCallExpression' || call.optional) return unknown('an optional call may return undefined instead of a promise');
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return resolveIdentifierCallee(j, root, fn, callee.name);
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && callee.object.type === 'ThisExpression') {
    if (callee.type === 'OptionalMemberExpression' || callee.optional) return unknown('an optional member call may return undefined');
    const key = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name
      : callee.property.type === 'PrivateName' ? `#${callee.property.id.name}`
      : callee.computed && callee.property.type === 'StringLiteral' ? callee.property.value : undefined;
    if (key !== undefined) return resolveThisCallee(j, root, fn, key, options);
  }
  if (callee.type === 'Super' || (callee.type === 'MemberExpression' && callee.object.type === 'Super')) return unknown('a super call depends on the base class');
  return unknown(`${calleeText(callee)} is a property of an object, or a computed value, that the transform cannot see into`);
}
