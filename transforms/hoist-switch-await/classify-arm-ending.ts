/**
 * Describe how one arm ends: in `return await f(…)`, in `x = await f(…)` (+ `break` in a switch), in
 * `throw`/another `return`, or otherwise. Looks through one wrapping block (`case 1: { … }`) and
 * notices the shape inside a `try` block or next to a `using` declaration, so that those near-misses
 * can be reported instead of ignored.
 */
import type { AnyNode } from '../lib/lexical-scope';
import type { Arm, ArmEnding, CallEnding } from './types';
import type { TextOf } from './text-of';

/** Where the arm sits. */
export interface ArmPlace {
  inSwitch: boolean;
  /** For a switch: whether this is the last case (its end leaves the switch). */
  isLastCase: boolean;
}

/**
 * Statements that leave the chain without reaching the code after it: `throw`, `return`, `continue`
 * (always to a loop around the chain) and `break label` as an arm's last statement (its label must
 * enclose the chain, which is never itself labelled when rewritten).
 */
const isExit = (s: AnyNode) =>
  s?.type === 'ThrowStatement' || s?.type === 'ReturnStatement' || s?.type === 'ContinueStatement' || (s?.type === 'BreakStatement' && Boolean(s.label));
const isPlainBreak = (s: AnyNode) => s?.type === 'BreakStatement' && !s.label;
const isUsing = (s: AnyNode) => s?.type === 'VariableDeclaration' && (s.kind === 'using' || s.kind === 'await using');

function unwrapParens(node: AnyNode): AnyNode {
  let n = node;
  while (n && n.type === 'ParenthesizedExpression') n = n.expression;
  return n;
}

/** `await f(…)` → the CallExpression, else undefined. */
export function awaitedCall(node: AnyNode): AnyNode | undefined {
  const n = unwrapParens(node);
  if (n?.type !== 'AwaitExpression') return undefined;
  const call = unwrapParens(n.argument);
  return call?.type === 'CallExpression' ? call : undefined;
}

/** The callee key of a call: callee text plus type arguments. */
export function calleeKeyOf(call: AnyNode, textOf: TextOf): string {
  const typeArgs = call.typeArguments ?? call.typeParameters;
  return textOf(call.callee) + (typeArgs ? textOf(typeArgs) : '');
}

/** The call ending a single statement has, if it is `return await f()` or `x = await f()`. */
export function callEndingOf(statement: AnyNode, textOf: TextOf): CallEnding | undefined {
  if (statement?.type === 'ReturnStatement') {
    const call = awaitedCall(statement.argument);
    return call ? { kind: 'return', statement, call, calleeKey: calleeKeyOf(call, textOf) } : undefined;
  }
  if (statement?.type === 'ExpressionStatement') {
    const e = unwrapParens(statement.expression);
    if (e?.type !== 'AssignmentExpression' || e.operator !== '=' || e.left.type !== 'Identifier') return undefined;
    const call = awaitedCall(e.right);
    return call ? { kind: 'assign', statement, call, calleeKey: calleeKeyOf(call, textOf), target: e.left } : undefined;
  }
  return undefined;
}

/** The shape hidden inside a `try` block's end, reported as a near-miss. */
function callInsideTry(statement: AnyNode, textOf: TextOf): CallEnding | undefined {
  if (statement?.type !== 'TryStatement') return undefined;
  const body = statement.block.body;
  const inner = callEndingOf(body[body.length - 1], textOf);
  return inner ? { ...inner, wrappedIn: 'try' } : undefined;
}

/**
 * Classify an arm from its statement list (`statements` is a case's consequent or an `if` arm's
 * block body; `single` is a bare `if` arm statement).
 */
export function classifyArmEnding(node: AnyNode, statements: AnyNode[] | undefined, single: AnyNode | undefined, place: ArmPlace, textOf: TextOf): Arm {
  if (single) {
    const call = callEndingOf(single, textOf) ?? callInsideTry(single, textOf);
    const ending: ArmEnding = call ? { type: 'call', call } : isExit(single) ? { type: 'exit' } : { type: 'other' };
    return { node, list: undefined, prefix: [], ending };
  }
  let list = statements ?? [];
  let trailingBreak: AnyNode | undefined;
  if (place.inSwitch && list.length === 0) {
    return { node, list, prefix: [], ending: { type: place.isLastCase ? 'other' : 'empty' } };
  }
  if (place.inSwitch && isPlainBreak(list[list.length - 1])) {
    trailingBreak = list[list.length - 1];
    list = list.slice(0, -1);
  }
  let holder: AnyNode[] = statements ?? [];
  if (list.length === 1 && list[0].type === 'BlockStatement') {
    holder = list[0].body;
    list = holder;
    if (place.inSwitch && !trailingBreak && isPlainBreak(list[list.length - 1])) {
      trailingBreak = list[list.length - 1];
      list = list.slice(0, -1);
    }
  }
  const last = list[list.length - 1];
  const prefix = list.slice(0, -1);
  const leaves = Boolean(trailingBreak) || !place.inSwitch || place.isLastCase;
  let ending: ArmEnding;
  const call = callEndingOf(last, textOf) ?? callInsideTry(last, textOf);
  if (call && (call.kind === 'return' || leaves)) {
    ending = { type: 'call', call: list.some(isUsing) && !call.wrappedIn ? { ...call, wrappedIn: 'using' } : call };
  } else if (isExit(last)) {
    ending = { type: 'exit' };
  } else if (!leaves) {
    ending = { type: 'fallthrough' };
  } else {
    ending = { type: 'other' };
  }
  return { node, list: holder, prefix, trailingBreak, ending };
}
