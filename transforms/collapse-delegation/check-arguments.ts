/**
 * Can evaluating the delegated call's arguments throw (or run user code) before the callee's promise
 * exists? In an `async` wrapper such a throw becomes a rejection; in a collapsed wrapper it would
 * throw synchronously at the caller, so only arguments that provably cannot throw are accepted.
 */
import type { ASTPath } from 'jscodeshift';
import { resolveLexical, type AnyNode } from '../lib/lexical-scope';
import { findThisOwner } from './find-this-owner';
import { isInitialisedBeforeCall } from './is-initialised-before-call';
import type { ReasonCodeId } from '../../src/core/reasons';

/** A refusal: the reason code and a one-line message. */
export interface Refusal {
  code: ReasonCodeId;
  message: string;
}

const LITERAL_TYPES = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'RegExpLiteral', 'Literal']);
const TYPE_ONLY_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);
/** Globals that are non-writable, non-configurable properties of the global object (ECMA-262 §19.1). */
const IMMUTABLE_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/** `x` without TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
function unwrapTypeOnly(node: AnyNode): AnyNode {
  let n = node;
  while (n && TYPE_ONLY_WRAPPERS.has(n.type)) n = n.expression;
  return n;
}

/** Why evaluating one argument might throw, or undefined when it cannot. */
function findArgumentRisk(arg: AnyNode, fn: ASTPath): string | undefined {
  const fnNode: AnyNode = fn.node;
  if (arg.type === 'SpreadElement') {
    const inner = unwrapTypeOnly(arg.argument);
    const rest = fnNode.params.find((p: AnyNode) => p.type === 'RestElement');
    if (inner?.type === 'Identifier' && rest?.argument.type === 'Identifier' && rest.argument.name === inner.name) return undefined;
    return 'a spread of something other than the wrapper\'s own rest parameter runs an iterator';
  }
  const a = unwrapTypeOnly(arg);
  if (LITERAL_TYPES.has(a.type)) return undefined;
  if (a.type === 'TemplateLiteral') return a.expressions.length === 0 ? undefined : 'a template literal with substitutions converts values to strings (may call toString)';
  if (a.type === 'ThisExpression') {
    const owner = findThisOwner(fn);
    return owner.known && owner.inConstructor && (owner.classPath.node as AnyNode).superClass ? '`this` in a derived constructor throws before super()' : undefined;
  }
  if (a.type === 'Identifier') {
    if (a.name === 'arguments') return '`arguments` is not allowed';
    const decl = resolveLexical(fn, a.name);
    if (!decl) return IMMUTABLE_GLOBALS.has(a.name) ? undefined : `${a.name} is not declared in this file (an undeclared global throws ReferenceError)`;
    return isInitialisedBeforeCall(decl, fn) ? undefined : `${a.name} is a ${decl.kind} binding that may still be uninitialised when the wrapper runs`;
  }
  if (a.type === 'MemberExpression' || a.type === 'OptionalMemberExpression') return 'a property read may run a getter or throw on null/undefined';
  if (a.type === 'CallExpression' || a.type === 'NewExpression' || a.type === 'OptionalCallExpression') return 'a call runs code that may throw';
  return `a ${a.type} may run code or throw`;
}

/**
 * Check every argument of the delegated call. Accepted: literals, template literals without
 * substitutions, `this`, identifiers that resolve to an initialised binding (wrapper parameters always;
 * see {@link isInitialisedBeforeCall}) or to `undefined`/`NaN`/`Infinity`, and a spread of the
 * wrapper's own rest parameter (a fresh array); TypeScript-only wrappers (`as`, `!`, `satisfies`) are
 * looked through. Anything else is refused with AM502.
 */
export function checkArguments(call: AnyNode, fn: ASTPath, source: string): Refusal | undefined {
  for (const arg of call.arguments as AnyNode[]) {
    const risk = findArgumentRisk(arg, fn);
    if (risk) return { code: 'AM502', message: `argument \`${describe(arg, source)}\` may throw before the promise exists: ${risk}` };
  }
  return undefined;
}

/** The argument as written, shortened for messages. */
function describe(arg: AnyNode, source: string): string {
  const text = source.slice(arg.start, arg.end).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
