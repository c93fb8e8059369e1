/**
 * For `x = await f(…)` arms: the assigned `x` must be one variable, declared outside the chain, so
 * that one assignment after the chain means what each arm's assignment meant.
 */
import type { ASTPath } from 'jscodeshift';
import { resolveLexical } from '../lib/lexical-scope';
import type { HoistContext } from './context';
import type { SharedCall } from './pick-shared-call';
import type { Chain, Refusal } from './types';

/** AM421 when the assigned variable is declared inside the chain (then every arm assigns its own variable). */
export function checkAssignmentTarget(chain: Chain, shared: SharedCall, ctx: HoistContext): Refusal | undefined {
  const paths = ctx.pathsUnder(chain.path);
  const name = shared.targetName as string;
  const after = chain.path.parent ? resolveLexical(chain.path.parent, name) : undefined;
  for (const i of shared.armIndices) {
    const ending = chain.arms[i].ending;
    if (ending.type !== 'call' || !ending.call.target) continue;
    const declaration = resolveLexical(paths.get(ending.call.target) as ASTPath, name);
    if (declaration?.id !== after?.id) return { code: 'AM421', message: `${name} is declared inside an arm, so each arm assigns a different variable` };
  }
  return undefined;
}

