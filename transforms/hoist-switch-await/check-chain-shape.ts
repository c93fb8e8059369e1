/**
 * Structural safety of a chain whose arms share an awaited call: every path through the chain must
 * either reach the shared call or leave by `throw`/`return`, exactly as before the rewrite.
 *
 * Refusals (in the order checked):
 * - AM423 the chain is not directly in a statement list (labelled, or the body of a bare `if`/loop);
 * - AM418 the shared call sits inside `try` or in a `using` scope that one await after the chain would leave;
 * - AM413 a non-empty `case` falls through into the next one;
 * - AM417 an arm reaches the end of the chain without the shared call (`break`, a different call, …);
 * - AM416 no `default` / final `else`: the no-match path would reach the hoisted call;
 * - AM415 `await`/`yield` in the discriminant, a case test or a condition;
 * - AM414 a `break` inside an arm leaves the switch before the shared call.
 */
import type { AnyNode } from '../lib/lexical-scope';
import { isFunctionNode } from '../lib/lexical-scope';
import { walkNodes } from '../lib/walk-nodes';
import { containsAwaitOrYield } from './check-callee';
import type { SharedCall } from './pick-shared-call';
import type { Chain, Refusal } from './types';

const STATEMENT_LIST_PARENTS = new Set(['BlockStatement', 'Program', 'SwitchCase', 'StaticBlock', 'TSModuleBlock']);
const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** A plain `break` under `statements` that leaves the enclosing switch (not one of a nested loop or switch). */
function breaksOutOfSwitch(statements: AnyNode[]): boolean {
  let found = false;
  const visit = (n: AnyNode): boolean | void => {
    if (found || isFunctionNode(n)) return false;
    if (LOOPS.has(n.type) || n.type === 'SwitchStatement') return false;
    if (n.type === 'BreakStatement' && !n.label) {
      found = true;
      return false;
    }
    return undefined;
  };
  for (const s of statements) walkNodes(s, visit);
  return found;
}

/** The first structural reason the chain cannot be hoisted, or undefined when its shape is safe. */
export function checkChainShape(chain: Chain, shared: SharedCall): Refusal | undefined {
  const what = chain.type === 'switch' ? 'switch' : 'if chain';
  const callee = `${shared.calleeKey}()`;
  const parent = chain.path.parent?.node;
  if (!parent || !STATEMENT_LIST_PARENTS.has(parent.type)) {
    return { code: 'AM423', message: `the ${what} is ${parent?.type === 'LabeledStatement' ? 'labelled' : 'not directly in a block'}; the hoisted call would have nowhere to go` };
  }
  const group = shared.armIndices.map((i) => chain.arms[i]);
  for (const arm of group) {
    if (arm.ending.type === 'call' && arm.ending.call.wrappedIn) {
      const where = arm.ending.call.wrappedIn === 'try' ? 'inside try/catch/finally' : 'in the scope of a using declaration';
      return { code: 'AM418', message: `await ${callee} is ${where}; one await after the ${what} would leave it` };
    }
  }
  if (chain.type === 'switch') {
    const usingInCases = chain.arms.some((a) => (a.node.consequent ?? []).some((s: AnyNode) => s.type === 'VariableDeclaration' && (s.kind === 'using' || s.kind === 'await using')));
    if (usingInCases) return { code: 'AM418', message: `a using declaration is scoped to the switch body; one await after the switch would leave it` };
  }
  if (chain.arms.some((a) => a.ending.type === 'fallthrough')) {
    return { code: 'AM413', message: `a case falls through into the next one; each arm must end in break, return or throw` };
  }
  for (let i = 0; i < chain.arms.length; i++) {
    if (shared.armIndices.includes(i)) continue;
    const ending = chain.arms[i].ending;
    if (ending.type === 'exit' || ending.type === 'empty') continue;
    if (ending.type === 'call' && ending.call.kind === 'return' && !ending.call.wrappedIn) continue;
    return { code: 'AM417', message: `an arm of the ${what} ends without await ${callee} or a throw/return` };
  }
  if (!chain.hasCatchAll) {
    return {
      code: 'AM416',
      message: chain.type === 'switch' ? `the switch has no default: when no case matches, the hoisted ${callee} would run` : `the if chain has no final else: when no condition holds, the hoisted ${callee} would run`,
    };
  }
  if (chain.conditions.some(containsAwaitOrYield)) {
    return { code: 'AM415', message: `await or yield in the ${chain.type === 'switch' ? 'discriminant or a case test' : 'conditions'}; hoisting would reorder it with the call` };
  }
  if (chain.type === 'switch' && chain.arms.some((arm) => breaksOutOfSwitch(arm.prefix))) {
    return { code: 'AM414', message: `a break inside an arm leaves the switch early; after hoisting that path would reach await ${callee}` };
  }
  return undefined;
}
