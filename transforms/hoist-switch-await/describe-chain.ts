/**
 * Describe a `switch` statement or an `if`/`else if`/`else` chain as a {@link Chain} of arms.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import { classifyArmEnding } from './classify-arm-ending';
import type { Arm, Chain } from './types';
import type { TextOf } from './text-of';

/** True for an IfStatement that starts a chain (it is not the `else if` of another one). */
export function isChainStart(path: ASTPath): boolean {
  const parent = path.parent?.node;
  return !(parent?.type === 'IfStatement' && parent.alternate === path.node);
}

/** Describe the switch at `path`. */
export function describeSwitch(path: ASTPath, textOf: TextOf): Chain {
  const node = path.node as AnyNode;
  const cases: AnyNode[] = node.cases;
  const arms: Arm[] = cases.map((c, i) => classifyArmEnding(c, c.consequent, undefined, { inSwitch: true, isLastCase: i === cases.length - 1 }, textOf));
  return {
    type: 'switch',
    path,
    arms,
    hasCatchAll: cases.some((c) => c.test === null || c.test === undefined),
    conditions: [node.discriminant, ...cases.map((c) => c.test).filter(Boolean)],
  };
}

/** Describe the `if` chain that starts at `path` (see {@link isChainStart}). */
export function describeIfChain(path: ASTPath, textOf: TextOf): Chain {
  const arms: Arm[] = [];
  const conditions: AnyNode[] = [];
  let current: AnyNode = path.node;
  let hasCatchAll = false;
  for (;;) {
    conditions.push(current.test);
    arms.push(armOf(current, 'consequent', textOf));
    const alt = current.alternate;
    if (!alt) break;
    if (alt.type === 'IfStatement') {
      current = alt;
      continue;
    }
    arms.push(armOf(current, 'alternate', textOf));
    hasCatchAll = true;
    break;
  }
  return { type: 'if', path, arms, hasCatchAll, conditions };
}

function armOf(ifNode: AnyNode, key: 'consequent' | 'alternate', textOf: TextOf): Arm {
  const stmt = ifNode[key];
  const place = { inSwitch: false, isLastCase: false };
  if (stmt.type === 'BlockStatement') return classifyArmEnding(stmt, stmt.body, undefined, place, textOf);
  return { ...classifyArmEnding(stmt, undefined, stmt, place, textOf), owner: { node: ifNode, key } };
}
