/**
 * `c ? await f(a, x) : await f(b, x)` → `await f(c ? a : b, x)`: one await instead of two.
 *
 * Evaluation order changes from (c, f, args) to (f, args up to the differing one, c, …), and `c` is
 * evaluated once per differing argument. So, besides the callee rules shared with chains (AM411), the
 * rewrite needs: no `await`/`yield` in `c` (AM415), the same number of arguments and no differing
 * spread (AM419), and `c` plus every argument before the last differing one free of side effects
 * (AM422). Innermost conditionals are rewritten first, so nested ones fold into one call.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import { isSideEffectFree } from '../lib/side-effects';
import { calleeRoot, containsAwaitOrYield } from './check-callee';
import { awaitedCall, calleeKeyOf } from './classify-arm-ending';
import type { HoistContext } from './context';
import type { Refusal } from './types';

/** Positions whose argument differs between the two calls, or a refusal. */
function checkConditional(test: AnyNode, yes: AnyNode, no: AnyNode, ctx: HoistContext): number[] | Refusal {
  const callee = ctx.textOf(yes.callee);
  if (!calleeRoot(yes.callee)) return { code: 'AM411', message: `the callee ${callee} is not a plain name or property chain; evaluating it before the condition could be observed` };
  if (containsAwaitOrYield(test)) return { code: 'AM415', message: `await or yield in the condition; hoisting would reorder it with the call to ${callee}()` };
  if (yes.arguments.length !== no.arguments.length) return { code: 'AM419', message: `the two branches pass different numbers of arguments to ${callee}()` };
  const moved: number[] = [];
  yes.arguments.forEach((a: AnyNode, i: number) => {
    if (ctx.textOf(a) !== ctx.textOf(no.arguments[i])) moved.push(i);
  });
  for (const i of moved) {
    if (yes.arguments[i].type === 'SpreadElement' || no.arguments[i].type === 'SpreadElement') {
      return { code: 'AM419', message: `argument ${i + 1} of ${callee}() is a spread that differs between the branches` };
    }
  }
  if (!isSideEffectFree(test)) return { code: 'AM422', message: `the condition may have side effects; it would be evaluated after ${callee}${moved.length > 1 ? ' and more than once' : ''}` };
  const last = moved.length ? moved[moved.length - 1] : -1;
  for (let i = 0; i < last; i++) {
    if (!isSideEffectFree(yes.arguments[i]) || !isSideEffectFree(no.arguments[i])) {
      return { code: 'AM422', message: `argument ${i + 1} of ${callee}() may have side effects and would be evaluated before the condition` };
    }
  }
  return moved;
}

// await load(c ? a : b, options)
function buildHoistedAwait(test: AnyNode, yes: AnyNode, no: AnyNode, moved: number[], ctx: HoistContext): AnyNode {
  const { j } = ctx;
  const args = yes.arguments.map((a: AnyNode, i: number) => (moved.includes(i) ? j.conditionalExpression(test, a, no.arguments[i]) : a));
  const call: AnyNode = j.callExpression(yes.callee, args);
  if (yes.typeArguments) call.typeArguments = yes.typeArguments;
  if (yes.typeParameters) call.typeParameters = yes.typeParameters;
  return j.awaitExpression(call);
}

/** Rewrite every safe `c ? await f(…) : await f(…)` in the file; returns how many were rewritten. */
export function hoistConditionals(ctx: HoistContext): number {
  const { j, root } = ctx;
  const sites: ASTPath[] = [];
  root.find(j.ConditionalExpression).forEach((p) => {
    sites.push(p);
  });
  let rewritten = 0;
  for (const path of sites.reverse()) {
    const node = path.node as AnyNode;
    const yes = awaitedCall(node.consequent);
    const no = awaitedCall(node.alternate);
    if (!yes || !no || calleeKeyOf(yes, ctx.textOf) !== calleeKeyOf(no, ctx.textOf)) continue;
    const position = node.loc?.start;
    const result = checkConditional(node.test, yes, no, ctx);
    if (!Array.isArray(result)) {
      ctx.report({ kind: 'left-alone', code: result.code, message: result.message, position });
      continue;
    }
    const replacement = buildHoistedAwait(node.test, yes, no, result, ctx);
    if (node.comments) replacement.comments = node.comments;
    path.replace(replacement);
    rewritten++;
    ctx.report({ kind: 'rewritten', code: 'AM400', message: `two awaits of ${calleeKeyOf(yes, ctx.textOf)}() in a conditional expression hoisted into one`, position, end: node.loc?.end, subject: calleeKeyOf(yes, ctx.textOf) });
  }
  return rewritten;
}
