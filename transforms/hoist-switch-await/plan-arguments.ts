/**
 * Decide which argument positions of the shared call move into temporaries.
 *
 * A position moves when its text differs between arms, or when it reads a name declared inside the
 * chain (the same text would mean something else after it). Arguments identical in every arm stay in
 * the hoisted call — but one that comes before a moved argument is evaluated *after* it once hoisted,
 * so it stays only when it is stable (a literal or an unassigned binding) or every moved argument
 * after it is free of side effects; otherwise it moves too, which keeps the left-to-right evaluation
 * order of the original call.
 *
 * Refusals: AM419 when the arms pass different numbers of arguments, or a spread argument would
 * have to move.
 */
import type { AnyNode } from '../lib/lexical-scope';
import { isSideEffectFree } from '../lib/side-effects';
import { getArgumentFacts } from './argument-facts';
import type { HoistContext } from './context';
import type { Refusal } from './types';
import type { ASTPath } from 'jscodeshift';

/** Positions (0-based, ascending) whose values move into temporaries. */
export interface MovedPositions {
  moved: number[];
}

/** Plan the argument positions for `calls` (one per arm, in arm order) inside `chainPath`. */
export function planArguments(calls: AnyNode[], chainPath: ASTPath, ctx: HoistContext): MovedPositions | Refusal {
  const callee = ctx.textOf(calls[0].callee);
  const count = calls[0].arguments.length;
  if (calls.some((c) => c.arguments.length !== count)) {
    return { code: 'AM419', message: `the arms pass different numbers of arguments to ${callee}()` };
  }
  const paths = ctx.pathsUnder(chainPath);
  const moved = new Set<number>();
  const stableAt: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const args = calls.map((c) => c.arguments[i]);
    const texts = args.map((a) => ctx.textOf(a));
    const identical = texts.every((t) => t === texts[0]);
    const facts = args.map((a) => getArgumentFacts(paths.get(a) as ASTPath, chainPath.node, ctx));
    if (!identical || facts.some((f) => !f.visibleAfterChain)) moved.add(i);
    stableAt[i] = facts.every((f) => f.stable);
  }
  // An identical argument before a moved one is now evaluated after it: fine when it is stable, or
  // when every moved argument after it is free of side effects (nothing can change it in between).
  const last = Math.max(-1, ...moved);
  for (let i = last - 1; i >= 0; i--) {
    if (moved.has(i) || stableAt[i]) continue;
    const laterMovedArePure = [...moved].filter((m) => m > i).every((m) => calls.every((c) => isSideEffectFree(c.arguments[m])));
    if (!laterMovedArePure) moved.add(i);
  }
  for (const i of moved) {
    if (calls.some((c) => c.arguments[i].type === 'SpreadElement')) {
      return { code: 'AM419', message: `argument ${i + 1} of ${callee}() is a spread that would have to move into a temporary` };
    }
  }
  return { moved: [...moved].sort((a, b) => a - b) };
}
