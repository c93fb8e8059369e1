/**
 * Step 1 of collapse-delegation: find the candidate wrappers — `async` functions whose body is a
 * single delegation `return [await] callee(args)` (or an arrow's expression body `[await] callee(args)`).
 * Two near-shapes are also collected so they can be reported with their own reason: the return
 * wrapped in `try { … }` and the return preceded only by `using` declarations.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import { walkNodes } from '../lib/walk-nodes';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from '../lib/node-kinds';

/** How the delegation sits in the wrapper's body. */
export type DelegationShape = 'return' | 'expression' | 'try' | 'using';

/** One candidate wrapper. */
export interface Delegation {
  /** The wrapper function (declaration, expression, arrow, object or class method). */
  fn: ASTPath;
  /** The delegated call expression (`g(a)`, `this.g(a)`), or an optional call. */
  call: AnyNode;
  /** The `await` around the call, when written. */
  awaitNode: AnyNode | undefined;
  shape: DelegationShape;
  /** A readable name for messages: `f`, `Store#load`, `<anonymous>`. */
  name: string;
}

const CALL_TYPES = new Set(['CallExpression', 'OptionalCallExpression']);

/** `x` without TypeScript-only wrappers that have no runtime effect, and without parentheses nodes. */
function unwrapParens(node: AnyNode): AnyNode {
  let n = node;
  while (n && n.type === 'ParenthesizedExpression') n = n.expression;
  return n;
}

/** The call (and its await) that an expression delegates to, if it is `[await] call(…)`. */
function matchDelegatingExpression(expr: AnyNode): { call: AnyNode; awaitNode: AnyNode | undefined } | undefined {
  const e = unwrapParens(expr);
  if (!e) return undefined;
  if (e.type === 'AwaitExpression') {
    const inner = unwrapParens(e.argument);
    return inner && CALL_TYPES.has(inner.type) ? { call: inner, awaitNode: e } : undefined;
  }
  return CALL_TYPES.has(e.type) ? { call: e, awaitNode: undefined } : undefined;
}

/** The delegation in a block body, with its shape. */
function matchBlock(body: AnyNode): { call: AnyNode; awaitNode: AnyNode | undefined; shape: DelegationShape } | undefined {
  const statements: AnyNode[] = body.body;
  const last = statements[statements.length - 1];
  if (!last) return undefined;
  if (statements.length === 1 && last.type === 'ReturnStatement') {
    const m = last.argument && matchDelegatingExpression(last.argument);
    return m && { ...m, shape: 'return' };
  }
  if (statements.length === 1 && last.type === 'TryStatement' && last.block.body.length === 1 && last.block.body[0].type === 'ReturnStatement') {
    const ret = last.block.body[0];
    const m = ret.argument && matchDelegatingExpression(ret.argument);
    return m && { ...m, shape: 'try' };
  }
  const onlyUsing = statements.slice(0, -1).every((s) => s.type === 'VariableDeclaration' && (s.kind === 'using' || s.kind === 'await using'));
  if (statements.length > 1 && onlyUsing && last.type === 'ReturnStatement' && last.argument) {
    const m = matchDelegatingExpression(last.argument);
    return m && { ...m, shape: 'using' };
  }
  return undefined;
}

/** True when an `await` (or `for await`) appears under `node`, outside nested functions. */
function containsAwait(node: AnyNode): boolean {
  let found = false;
  walkNodes(node, (n) => {
    if (found || FUNCTION_TYPES.has(n.type)) return false;
    if (n.type === 'AwaitExpression' || (n.type === 'ForOfStatement' && n.await)) found = true;
    return undefined;
  });
  return found;
}

/** The name of a property key for messages, or undefined for computed keys. */
function keyName(key: AnyNode, computed: boolean): string | undefined {
  if (!key || computed) return undefined;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  if (key.type === 'StringLiteral' || key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** A readable name for the wrapper at `path`. */
function describeWrapper(path: ASTPath): string {
  const node: AnyNode = path.node;
  const parent: AnyNode = path.parent?.node;
  if (node.id?.name) return node.id.name;
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod') return keyName(node.key, node.computed) ?? '<computed>';
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent && /Property$/.test(parent.type) && parent.value === node) return keyName(parent.key, parent.computed) ?? '<computed>';
  return '<anonymous>';
}

/**
 * Every `async` function in the file whose body is a single delegation (see the module comment), in
 * source order.
 */
export function findDelegations(j: JSCodeshift, root: Collection): Delegation[] {
  // A plain walk first: most files have no candidate, and NodePath traversal costs several times more.
  const matches = new Map<AnyNode, ReturnType<typeof matchFunction>>();
  walkNodes(root.get().node, (node) => {
    const m = matchFunction(node);
    if (m) matches.set(node, m);
  });
  if (matches.size === 0) return [];
  const found: Delegation[] = [];
  root.find(j.Function).forEach((path: ASTPath<AnyNode>) => {
    const m = matches.get(path.node);
    if (m) found.push({ fn: path, call: m.call, awaitNode: m.awaitNode, shape: m.shape, name: describeWrapper(path) });
  });
  return found;
}

/** The delegation in an async function node, or undefined. */
function matchFunction(node: AnyNode): { call: AnyNode; awaitNode: AnyNode | undefined; shape: DelegationShape } | undefined {
  if (!FUNCTION_TYPES.has(node.type) || !node.async || !node.body) return undefined;
  const m = node.body.type === 'BlockStatement' ? matchBlock(node.body) : (() => {
    const e = matchDelegatingExpression(node.body);
    return e && { ...e, shape: 'expression' as const };
  })();
  // `return f(await x)` needs its async: not a delegation.
  return m && !containsAwait(m.call) ? m : undefined;
}
