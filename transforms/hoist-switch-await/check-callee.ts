/**
 * The callee of the shared call moves from inside each arm to after the chain, and is then evaluated
 * after the arms' moved arguments instead of before them. That is unobservable only when:
 * - AM411 the callee is a plain name or a property chain on a name or `this` (`load`, `this.repo.load`,
 *   `fsp.readFile`) — no calls, computed keys or optional chaining whose evaluation could do something;
 * - AM410 its root name is the same binding in every arm and after the chain (resolved through block
 *   scopes, not compared as text);
 * - AM412 nothing can change it meanwhile: the root binding is never reassigned in its scope (or is
 *   `const`/an import/`this`), no arm or condition writes the property chain or a prefix of it, and a
 *   property-chain callee, a global or an imported name (a live binding) does not move past an
 *   `await`/`yield` in a moved argument (other code could replace it during that suspension).
 */
import type { ASTPath } from 'jscodeshift';
import { isFunctionNode, resolveLexical, type AnyNode } from '../lib/lexical-scope';
import { walkNodes } from '../lib/walk-nodes';
import { isMemberChainWritten, isStableBinding } from '../lib/writes';
import type { HoistContext } from './context';
import type { Refusal } from './types';

/** The root of a plain callee chain (`a`, `this`, `a.b.c`, `this.#x.y`), or undefined for any other callee. */
export function calleeRoot(callee: AnyNode): AnyNode | undefined {
  let n = callee;
  while (n.type === 'MemberExpression' && !n.computed && !n.optional && (n.property.type === 'Identifier' || n.property.type === 'PrivateName')) n = n.object;
  return n.type === 'Identifier' || n.type === 'ThisExpression' ? n : undefined;
}

/**
 * Does `node` suspend outside nested functions: `await`, `yield`, `for await` or `await using`?
 * Moving such code past the hoisted call would reorder its suspension with the call.
 */
export function containsAwaitOrYield(node: AnyNode): boolean {
  let found = false;
  walkNodes(node, (n) => {
    if (found || isFunctionNode(n)) return false;
    if (n.type === 'AwaitExpression' || n.type === 'YieldExpression') found = true;
    if (n.type === 'VariableDeclaration' && n.kind === 'await using') found = true;
    if (n.type === 'ForOfStatement' && n.await) found = true;
    return !found;
  });
  return found;
}

/**
 * Check the callee of `calls` (one per sharing arm) hoisted to just after `chainPath`.
 * `movedArgs` are the argument nodes that move into temporaries; `watched` are the nodes where a
 * write to the callee would matter (the arms and the conditions).
 */
export function checkCallee(calls: AnyNode[], chainPath: ASTPath, movedArgs: AnyNode[], watched: AnyNode[], ctx: HoistContext): Refusal | undefined {
  const calleeText = ctx.textOf(calls[0].callee);
  const roots = calls.map((c) => calleeRoot(c.callee));
  if (roots.some((r) => !r)) {
    return { code: 'AM411', message: `the callee ${calleeText} is not a plain name or property chain; evaluating it later could be observed` };
  }
  const program = ctx.root.get().node.program ?? ctx.root.get().node;
  if (roots[0].type === 'Identifier') {
    const name = roots[0].name as string;
    const paths = ctx.pathsUnder(chainPath);
    const declarations = roots.map((r) => resolveLexical(paths.get(r) as ASTPath, name));
    const after = chainPath.parent ? resolveLexical(chainPath.parent, name) : undefined;
    if (declarations.some((d) => d?.id !== after?.id)) {
      return { code: 'AM410', message: `${name} does not refer to the same declaration in every arm and after the ${chainPath.node.type === 'SwitchStatement' ? 'switch' : 'chain'}` };
    }
    if (!isStableBinding(after, name, program)) {
      return { code: 'AM412', message: `${name} is reassigned in its scope; the hoisted call could see a different function` };
    }
    // A global, or an import (a live binding its module may reassign), can be replaced by other code
    // while a moved argument suspends.
    if ((!after || after.kind === 'import') && movedArgs.some(containsAwaitOrYield)) {
      const what = after ? 'imported binding' : 'global';
      return { code: 'AM412', message: `an argument of ${calleeText}() awaits; the ${what} ${name} would be read after that suspension instead of before it` };
    }
  }
  if (calls[0].callee.type === 'MemberExpression') {
    if (watched.some((w) => isMemberChainWritten(w, calleeText, ctx.textOf))) {
      return { code: 'AM412', message: `${calleeText} (or an object on its path) is assigned in the arms; the hoisted call could see a different function` };
    }
    if (movedArgs.some(containsAwaitOrYield)) {
      return { code: 'AM412', message: `an argument of ${calleeText}() awaits; ${calleeText} would be read after that suspension instead of before it` };
    }
  }
  return undefined;
}
