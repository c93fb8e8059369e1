/**
 * Find every `switch` and `if` chain, innermost first, and hoist the awaited call its arms share when
 * that is provably safe; report the rewrite (AM400) or the reason it was refused (AM410–AM423).
 * Chains where fewer than two arms await the same callee are not this transform's shape and are
 * passed over silently.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import { checkAssignmentTarget } from './check-assignment-target';
import { checkCallee } from './check-callee';
import { checkChainShape } from './check-chain-shape';
import type { HoistContext } from './context';
import { describeIfChain, describeSwitch, isChainStart } from './describe-chain';
import { pickSharedCall, type SharedCall } from './pick-shared-call';
import { planArguments } from './plan-arguments';
import { planTemporaries } from './plan-temporaries';
import { rewriteChain } from './rewrite-chain';
import type { Chain, Refusal, Temporary } from './types';

/** What a safe chain's rewrite needs. */
interface ChainPlan {
  shared: SharedCall;
  temps: Temporary[];
}

const isRefusal = (x: object): x is Refusal => 'code' in x && !Array.isArray(x);

/** Everything that decides whether one chain can be hoisted; returns the temporaries, or a refusal. */
function planChain(chain: Chain, ctx: HoistContext): ChainPlan | Refusal | undefined {
  const shared = pickSharedCall(chain);
  if (!shared || isRefusal(shared)) return shared;
  const shape = checkChainShape(chain, shared);
  if (shape) return shape;
  const calls = shared.armIndices.map((i) => {
    const ending = chain.arms[i].ending;
    return ending.type === 'call' ? ending.call.call : undefined;
  }) as AnyNode[];
  if (shared.kind === 'assign') {
    const targetProblem = checkAssignmentTarget(chain, shared, ctx);
    if (targetProblem) return targetProblem;
  }
  const positions = planArguments(calls, chain.path, ctx);
  if (isRefusal(positions)) return positions;
  const movedArgs = calls.flatMap((c) => positions.moved.map((i) => c.arguments[i]));
  const calleeProblem = checkCallee(calls, chain.path, movedArgs, [...chain.arms.map((a) => a.node), ...chain.conditions], ctx);
  if (calleeProblem) return calleeProblem;
  const temps = planTemporaries(chain, shared, calls, positions.moved, ctx);
  if (isRefusal(temps)) return temps;
  return { shared, temps };
}

/** Hoist every safe chain in the file; returns the number of chains rewritten. */
export function hoistChains(ctx: HoistContext): number {
  const { j, root } = ctx;
  const chains: ASTPath[] = [];
  root.find(j.Statement).forEach((p) => {
    if (p.node.type === 'SwitchStatement' || (p.node.type === 'IfStatement' && isChainStart(p as ASTPath))) chains.push(p as ASTPath);
  });
  let rewritten = 0;
  for (const path of chains.reverse()) {
    const chain = path.node.type === 'SwitchStatement' ? describeSwitch(path, ctx.textOf) : describeIfChain(path, ctx.textOf);
    const plan = planChain(chain, ctx);
    if (!plan) continue;
    const position = (path.node as AnyNode).loc?.start;
    if (isRefusal(plan)) {
      ctx.report({ kind: 'left-alone', code: plan.code, message: plan.message, position });
      continue;
    }
    rewriteChain(chain, plan.shared, plan.temps, ctx);
    rewritten++;
    ctx.report({
      kind: 'rewritten',
      code: 'AM400',
      message: `${plan.shared.armIndices.length} awaits of ${plan.shared.calleeKey}() in ${chain.type === 'switch' ? 'a switch' : 'an if chain'} hoisted into one after it`,
      position,
      end: (path.node as AnyNode).loc?.end,
      subject: plan.shared.calleeKey,
    });
  }
  return rewritten;
}
