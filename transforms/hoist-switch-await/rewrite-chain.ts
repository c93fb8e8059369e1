/**
 * Rewrite a checked chain: declare one temporary per moved argument position before the chain, make
 * each sharing arm assign its differing arguments to the temporaries (plus `break` where a switch arm
 * used to `return`), and put the one awaited call after the chain. Arms that exit by `throw`/`return`
 * are not touched; comments on a replaced statement move to the statement that replaces it.
 */
import type { AnyNode } from '../lib/lexical-scope';
import type { HoistContext } from './context';
import type { SharedCall } from './pick-shared-call';
import type { Chain, Temporary } from './types';

// let loadArg: 'a' | 'b';      (TypeScript)      let loadArg;      (JavaScript)
function buildTemporaryDeclaration(temp: Temporary, ctx: HoistContext): AnyNode {
  const { j } = ctx;
  const id: AnyNode = j.identifier(temp.name);
  if (temp.typeAnnotation) id.typeAnnotation = temp.typeAnnotation;
  ctx.createdTemporaries.add(id);
  return j.variableDeclaration('let', [j.variableDeclarator(id)]);
}

// loadArg = 'a';
function buildTemporaryAssignment(temp: Temporary, value: AnyNode, ctx: HoistContext): AnyNode {
  const { j } = ctx;
  return j.expressionStatement(j.assignmentExpression('=', j.identifier(temp.name), value));
}

// return await load(loadArg, options);      or      result = await load(loadArg, options);
function buildHoistedStatement(shared: SharedCall, firstCall: AnyNode, temps: Temporary[], ctx: HoistContext): AnyNode {
  const { j } = ctx;
  const args = firstCall.arguments.map((a: AnyNode, i: number) => {
    const temp = temps.find((t) => t.index === i);
    return temp ? j.identifier(temp.name) : a;
  });
  const call: AnyNode = j.callExpression(firstCall.callee, args);
  if (firstCall.typeArguments) call.typeArguments = firstCall.typeArguments;
  if (firstCall.typeParameters) call.typeParameters = firstCall.typeParameters;
  const awaited = j.awaitExpression(call);
  if (shared.kind === 'return') return j.returnStatement(awaited);
  return j.expressionStatement(j.assignmentExpression('=', j.identifier(shared.targetName as string), awaited));
}

/**
 * Parse a type text into a `: type` annotation node, with the file's parser; undefined when the text
 * does not parse as a type (the caller then refuses the rewrite instead of failing the file).
 */
export function parseTypeAnnotation(typeText: string, ctx: HoistContext): AnyNode | undefined {
  try {
    const statement: AnyNode = ctx.j(`let __t: ${typeText};`).get().node.program.body[0];
    return statement?.declarations?.[0]?.id?.typeAnnotation;
  } catch {
    return undefined;
  }
}

/** Apply the rewrite to `chain` (already checked safe). Mutates the tree in place. */
export function rewriteChain(chain: Chain, shared: SharedCall, temps: Temporary[], ctx: HoistContext): void {
  const { j } = ctx;
  let firstCall: AnyNode;
  for (const index of shared.armIndices) {
    const arm = chain.arms[index];
    if (arm.ending.type !== 'call') continue;
    const { statement, call } = arm.ending.call;
    firstCall ??= call;
    const replacement: AnyNode[] = temps.map((t) => buildTemporaryAssignment(t, call.arguments[t.index], ctx));
    // break;   (a switch arm that used to return now leaves the switch to reach the hoisted call)
    if (chain.type === 'switch' && shared.kind === 'return') replacement.push(j.breakStatement());
    if (statement.comments && replacement.length > 0) {
      // leading comments go before the first new statement, trailing ones after the last assignment
      const leading = statement.comments.filter((c: AnyNode) => !c.trailing);
      const trailing = statement.comments.filter((c: AnyNode) => c.trailing);
      const last = replacement[Math.max(0, temps.length - 1)];
      replacement[0].comments = leading;
      last.comments = [...(last.comments ?? []), ...trailing];
      // recast spaces a new multi-line statement (one with a comment) with blank lines unless it has
      // a location; the replaced statement's location keeps the arm's original spacing.
      if (leading.length > 0) replacement[0].loc = statement.loc;
    }
    if (arm.list) {
      const at = arm.list.indexOf(statement);
      arm.list.splice(at, 1, ...replacement);
    } else if (arm.owner) {
      const block = j.blockStatement(replacement);
      if (replacement.length === 0 && statement.comments) (block as AnyNode).comments = statement.comments;
      arm.owner.node[arm.owner.key] = replacement.length === 1 ? replacement[0] : block;
    }
  }
  // A chain written on one line cannot be patched in place readably (recast would break lines in
  // the middle of it): print it afresh, as a new node, in the file's style.
  const node = chain.path.node as AnyNode;
  if (node.loc && node.loc.start.line === node.loc.end.line) chain.path.replace({ ...node });
  for (const temp of temps) chain.path.insertBefore(buildTemporaryDeclaration(temp, ctx));
  chain.path.insertAfter(buildHoistedStatement(shared, firstCall, temps, ctx));
}
