/**
 * Pick the call the arms share: the arms that end in the same kind of ending (`return await f(…)`,
 * or `x = await f(…)` to the same `x`) with the same callee text. At least two arms must share it,
 * else the chain does not look like this transform's shape at all and nothing is reported.
 * An assignment group wins over a return group (returns are then plain exits of the chain).
 */
import type { Chain, CallEnding, Refusal } from './types';

/** The shared call: its kind, callee key, target name (assign) and the arms' endings, in arm order. */
export interface SharedCall {
  kind: CallEnding['kind'];
  calleeKey: string;
  targetName?: string;
  /** Indices into `chain.arms` of the arms that end in the shared call. */
  armIndices: number[];
}

/**
 * The group of arms sharing one awaited call; a refusal when two or more arms await the same callee
 * but no two end the same way (AM421 different assignment targets, AM417 mixed return/assignment);
 * undefined when no two arms await the same callee.
 */
export function pickSharedCall(chain: Chain): SharedCall | Refusal | undefined {
  const groups = new Map<string, SharedCall>();
  chain.arms.forEach((arm, i) => {
    if (arm.ending.type !== 'call') return;
    const c = arm.ending.call;
    const targetName = c.kind === 'assign' ? c.target?.name : undefined;
    const key = `${c.kind}\u0000${c.calleeKey}\u0000${targetName ?? ''}`;
    const group: SharedCall = groups.get(key) ?? { kind: c.kind, calleeKey: c.calleeKey, targetName, armIndices: [] };
    group.armIndices.push(i);
    groups.set(key, group);
  });
  let best: SharedCall | undefined;
  for (const g of groups.values()) {
    if (g.armIndices.length < 2) continue;
    if (!best) best = g;
    else if (g.kind === 'assign' && best.kind === 'return') best = g;
    else if (g.kind === best.kind && g.armIndices.length > best.armIndices.length) best = g;
  }
  if (best) return best;
  const byCallee = new Map<string, CallEnding[]>();
  for (const arm of chain.arms) {
    if (arm.ending.type !== 'call') continue;
    const list = byCallee.get(arm.ending.call.calleeKey) ?? [];
    list.push(arm.ending.call);
    byCallee.set(arm.ending.call.calleeKey, list);
  }
  for (const [callee, endings] of byCallee) {
    if (endings.length < 2) continue;
    if (endings.every((e) => e.kind === 'assign')) {
      return { code: 'AM421', message: `arms assign the awaited ${callee}() to different variables` };
    }
    return { code: 'AM417', message: `arms await ${callee}() but end differently (return in some, assignment in others)` };
  }
  return undefined;
}
