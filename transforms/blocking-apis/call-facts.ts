/**
 * Read, from a babel call expression, the syntax-neutral facts that src/core/blocking-api.ts decides
 * on: what each argument statically is (string, array or object literal with its keys), whether the
 * call's value is read, and whether a surrounding `catch` reads the error it would throw.
 */
import type { ASTPath } from 'jscodeshift';
import type { ArgFact, PropFact } from '../../src/core/blocking-api';
import { FUNCTION_NODE_TYPES } from '../lib/node-kinds';
import { walkNodes } from '../lib/walk-nodes';

type AnyNode = { type: string; [key: string]: unknown };

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/** `x as T`, `x!`, `(x)` → x. */
export function skipWrappers(node: AnyNode): AnyNode {
  let current = node;
  while (WRAPPERS.has(current.type)) current = current.expression as AnyNode;
  return current;
}

/** A literal string value (`'a'`, `"a"`, a template without expressions), or undefined. */
export function stringValue(node: AnyNode): string | undefined {
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const quasi = (node.quasis as Array<{ value: { cooked?: string | null } }>)[0];
    return quasi?.value.cooked ?? undefined;
  }
  return undefined;
}

function propFact(value: AnyNode): PropFact {
  const inner = skipWrappers(value);
  const text = stringValue(inner);
  if (text !== undefined) return { kind: 'string', value: text };
  if (inner.type === 'NullLiteral' || (inner.type === 'Literal' && inner.value === null)) return { kind: 'null' };
  return { kind: 'other' };
}

/** The static facts of one argument. */
export function argFact(arg: AnyNode): ArgFact {
  if (arg.type === 'SpreadElement') return { kind: 'spread' };
  const node = skipWrappers(arg);
  const text = stringValue(node);
  if (text !== undefined) return { kind: 'string', value: text };
  if (node.type === 'ArrayExpression') return { kind: 'array' };
  if (node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null)) return { kind: 'null' };
  if (node.type === 'Identifier' && node.name === 'undefined') return { kind: 'undefined' };
  if (node.type !== 'ObjectExpression') return { kind: 'other' };
  const props: Record<string, PropFact> = {};
  let opaque = false;
  for (const prop of node.properties as AnyNode[]) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') {
      // a spread or a method: the keys are not all known (a method `input() {}` is a key too)
      if (prop.type === 'ObjectMethod' && !prop.computed) props[(prop.key as { name?: string }).name ?? ''] = { kind: 'other' };
      else opaque = true;
      continue;
    }
    const key = prop.key as AnyNode;
    const name = prop.computed ? stringValue(key) : key.type === 'Identifier' ? (key.name as string) : stringValue(key);
    if (name === undefined) {
      opaque = true;
      continue;
    }
    props[name] = propFact(prop.value as AnyNode);
  }
  return { kind: 'object', props, opaque };
}

/** The call's value is discarded: it is a whole expression statement (maybe behind `void`). */
export function isResultUnused(call: ASTPath): boolean {
  const parent = call.parent?.node as AnyNode | undefined;
  return parent?.type === 'ExpressionStatement';
}

/** Is `name` referenced in `body` anywhere but as `throw name`? */
function readsBeyondRethrow(body: AnyNode, name: string): boolean {
  let reads = false;
  walkNodes(body, (node, parent) => {
    if (reads) return false;
    if (node.type !== 'Identifier' || node.name !== name) return;
    if (parent?.type === 'ThrowStatement') return;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
    if (parent && (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed && !parent.shorthand) return;
    reads = true;
  });
  return reads;
}

/**
 * Does a `catch` around `call` — in the same function, with the call in its `try` block — read the
 * caught error? `catch {}`, an unused parameter and `catch (e) { throw e }` do not.
 */
export function isErrorReadInCatch(call: ASTPath): boolean {
  let child: ASTPath = call;
  let current: ASTPath | null = call.parent;
  while (current) {
    const node = current.node as AnyNode;
    if (FUNCTION_NODE_TYPES.has(node.type)) return false;
    if (node.type === 'TryStatement' && node.block === child.node && node.handler) {
      const param = (node.handler as AnyNode).param as AnyNode | null;
      if (param && (param.type !== 'Identifier' || readsBeyondRethrow((node.handler as AnyNode).body as AnyNode, param.name as string))) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}
