/**
 * Name and type the temporaries that carry the moved argument positions out of the arms.
 *
 * Names: `<callee>Arg` for one temporary, `<callee>Arg<position>` for several (1-based), never a name
 * used anywhere in the file nor one an earlier rewrite gave to a temporary of the same function.
 * Types (TypeScript files only): see infer-temp-type.ts; AM420 when one cannot be known, or does not
 * parse back as a type.
 */
import type { ASTPath } from 'jscodeshift';
import { isFunctionNode, type AnyNode } from '../lib/lexical-scope';
import type { HoistContext } from './context';
import { inferTempType } from './infer-temp-type';
import type { SharedCall } from './pick-shared-call';
import { parseTypeAnnotation } from './rewrite-chain';
import type { Chain, Refusal, Temporary } from './types';

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

/**
 * The temporaries for `moved` argument positions of `calls` (one call per sharing arm), or AM420.
 * Reserves the names for the enclosing function only when it succeeds.
 */
export function planTemporaries(chain: Chain, shared: SharedCall, calls: AnyNode[], moved: number[], ctx: HoistContext): Temporary[] | Refusal {
  const paths = ctx.pathsUnder(chain.path);
  const base = `${calleeBaseName(calls[0].callee)}Arg`;
  let fn: ASTPath | null = chain.path.parent;
  while (fn && !isFunctionNode(fn.node) && fn.node.type !== 'Program') fn = fn.parent;
  const reserved = ctx.temporariesByFunction.get(fn?.node) ?? new Set<string>();
  const names = new Set([...ctx.usedNames, ...reserved]);
  const temps: Temporary[] = [];
  for (const index of moved) {
    const name = reserveName(moved.length > 1 ? `${base}${index + 1}` : base, names);
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
  return temps;
}
