/**
 * Facts about one argument expression written inside a chain: does every name it reads resolve to a
 * declaration outside the chain (so it means the same thing after the chain), and is it a stable
 * value whose evaluation can move after the other arguments' without being observed?
 */
import type { ASTPath } from 'jscodeshift';
import { isBindingOrReference } from '../lib/bindings';
import { containsNode, resolveLexical, type AnyNode } from '../lib/lexical-scope';
import { isStableBinding } from '../lib/writes';
import type { HoistContext } from './context';

/** What the steps need to know about one argument. */
export interface ArgumentFacts {
  /** Every name it reads is declared outside `chainNode` (or inside the argument itself, or is a global). */
  visibleAfterChain: boolean;
  /** A literal, `this`, a function expression, or a stable binding: safe to evaluate later. */
  stable: boolean;
}

const LITERALS = new Set(['StringLiteral', 'NumericLiteral', 'BigIntLiteral', 'BooleanLiteral', 'NullLiteral', 'Literal']);

/** Work out {@link ArgumentFacts} for the argument at `argPath` inside the chain node `chainNode`. */
export function getArgumentFacts(argPath: ASTPath, chainNode: AnyNode, ctx: HoistContext): ArgumentFacts {
  const arg = argPath.node as AnyNode;
  const program = ctx.root.get().node.program ?? ctx.root.get().node;
  let visibleAfterChain = true;
  const check = (p: ASTPath<AnyNode>) => {
    if (!visibleAfterChain || !isBindingOrReference(p)) return;
    const declaration = resolveLexical(p, p.node.name);
    if (declaration && !containsNode(arg, declaration.id) && containsNode(chainNode, declaration.id)) visibleAfterChain = false;
  };
  // Collection.find does not visit the starting node itself.
  if (arg.type === 'Identifier') check(argPath);
  ctx.j(argPath).find(ctx.j.Identifier).forEach((p) => check(p as ASTPath<AnyNode>));
  if (arg.type === 'Identifier' && !visibleAfterChain) return { visibleAfterChain, stable: false };
  let stable = false;
  if (LITERALS.has(arg.type) || arg.type === 'ThisExpression' || arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') stable = true;
  else if (arg.type === 'TemplateLiteral') stable = arg.expressions.length === 0;
  else if (arg.type === 'UnaryExpression' && ['-', '+', '!', '~', 'void'].includes(arg.operator)) stable = LITERALS.has(arg.argument.type);
  else if (arg.type === 'Identifier') stable = isStableBinding(resolveLexical(argPath, arg.name), arg.name, program);
  return { visibleAfterChain, stable };
}
