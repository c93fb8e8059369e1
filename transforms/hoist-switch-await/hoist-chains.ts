/**
 * Find every `switch` and `if` chain, innermost first, and hoist the awaited call its arms share when
 * that is provably safe; report the rewrite (AM400) or the reason it was refused (AM410–AM423).
 * Chains where fewer than two arms await the same callee are not this transform's shape and are
 * passed over silently.
 */
import type { ASTPath } from 'jscodeshift';
import { isFunctionNode, resolveLexical, type AnyNode } from '../lib/lexical-scope';
import { checkCallee } from './check-callee';
import { checkChainShape } from './check-chain-shape';
import type { HoistContext } from './context';
import { describeIfChain, describeSwitch, isChainStart } from './describe-chain';
import { inferTempType } from './infer-temp-type';
import { pickSharedCall, type SharedCall } from './pick-shared-call';
import { planArguments } from './plan-arguments';
import { parseTypeAnnotation, rewriteChain } from './rewrite-chain';
import type { Chain, Refusal, Temporary } from './types';

/** What a safe chain's rewrite needs. */
interface ChainPlan {
  shared: SharedCall;
  temps: Temporary[];
}

const isRefusal = (x: object): x is Refusal => 'code' in x;

/** Pick a free name `base`, `base2`, `base3`, … and reserve it. */
function reserveName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/** The last name of a callee chain (`this.repo.load` → `load`). */
function calleeBaseName(callee: AnyNode): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return 'call';
}

/** AM421 when the assigned variable is declared inside the chain (then every arm assigns its own variable). */
function checkAssignmentTarget(chain: Chain, shared: SharedCall, ctx: HoistContext): Refusal | undefined {
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
  const paths = ctx.pathsUnder(chain.path);
  const base = `${calleeBaseName(calls[0].callee)}Arg`;
  let fn: ASTPath | null = chain.path.parent;
  while (fn && !isFunctionNode(fn.node) && fn.node.type !== 'Program') fn = fn.parent;
  const reserved = ctx.temporariesByFunction.get(fn?.node) ?? new Set<string>();
  const names = new Set([...ctx.usedNames, ...reserved]);
  const temps: Temporary[] = [];

  for (const index of positions.moved) {
    const name = reserveName(positions.moved.length > 1 ? `${base}${index + 1}` : base, names);
    let typeText: string | undefined;
    let typeAnnotation: AnyNode | undefined;
    if (ctx.typescript) {
      const args = calls.map((c) => c.arguments[index]);
      const scope = (fn?.node as AnyNode)?.body ?? fn?.node;
      typeText = inferTempType(args.map((a) => paths.get(a) as ASTPath), ctx, { scope, except: new Set(args) });
      typeAnnotation = typeText === undefined ? undefined : parseTypeAnnotation(typeText, ctx);
      if (!typeAnnotation) {
        return { code: 'AM420', message: `argument ${index + 1} of ${shared.calleeKey}() differs between arms and its type cannot be known without a type checker` };
      }
    }
    temps.push({ index, name, typeText, typeAnnotation });
  }
  for (const t of temps) reserved.add(t.name);
  ctx.temporariesByFunction.set(fn?.node, reserved);
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
    const what = chain.type === 'switch' ? 'switch' : 'if chain';
    ctx.report({
      kind: 'rewritten',
      code: 'AM400',
      message: `${plan.shared.armIndices.length} awaits of ${plan.shared.calleeKey}() in ${chain.type === 'switch' ? 'a switch' : 'an if chain'} hoisted into one after it`,
      position,
      subject: plan.shared.calleeKey,
    });
  }
  return rewritten;
}
