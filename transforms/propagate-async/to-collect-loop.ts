/**
 * `collect-loop` (no `Array.fromAsync` on the target): a generator that became async, consumed by
 * `Array.from(gen())` or `[...gen()]`, is collected by a `for await` loop in statement position (the
 * plan checked where the array goes: src/plan/call-graph/collect-site.ts).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { PlanCallback } from '../../src/core/plan';
import type { LooseNode } from './context';
import { finalStatementFor, freshName, replaceStatementWith, typeAnnotationOf } from './loop-parts';
import { statementOf } from './statement-of';

/** The generator call inside `Array.from(gen())` or `[...gen()]`, or undefined for any other shape. */
function generatorCallOf(node: LooseNode): LooseNode | undefined {
  if (node.type === 'ArrayExpression') {
    const elements = node.elements as LooseNode[];
    return elements.length === 1 && elements[0]?.type === 'SpreadElement' ? (elements[0].argument as LooseNode) : undefined;
  }
  const callee = node.callee as LooseNode | undefined;
  const args = node.arguments as LooseNode[] | undefined;
  return node.type === 'CallExpression' && callee?.type === 'MemberExpression' && (callee.property as LooseNode).name === 'from' && args?.length === 1 ? args[0] : undefined;
}

/**
 * Where the array goes, and the loop after it:
 *   `const xs = [...gen()];`   → `const xs: T[] = [];` + `for await (const item of gen()) { xs.push(item); }`
 *   `return Array.from(gen());` → `const items: T[] = [];` + loop + `return items;` (fresh names; in a block when needed)
 *   `ys = [...gen()];`         → `const items: T[] = [];` + loop + `ys = items;`
 *   `(…) => [...gen()]`        → `(…) => { const items: T[] = []; …loop; return items; }`
 * `: T[]` is the plan's `resultType` (TypeScript only). Returns false for a shape the plan did not name.
 */
export function toCollectLoop(j: JSCodeshift, path: ASTPath<unknown>, entry: PlanCallback, used: Set<string>): boolean {
  const node = path.node as LooseNode;
  const generator = generatorCallOf(node);
  const parentPath = path.parent as ASTPath<unknown> | undefined;
  const parent = parentPath?.node as LooseNode | undefined;
  const grand = parentPath?.parent as ASTPath<unknown> | undefined;
  if (!generator || !parent) return false;
  const annotation = entry.resultType ? typeAnnotationOf(j, entry.resultType) : undefined;
  let result: string;
  let place: (loop: unknown) => void;
  /** const items: T[] = []; */
  const declare = (name: string) => {
    const id = j.identifier(name) as unknown as LooseNode;
    if (annotation) id.typeAnnotation = annotation;
    return j.variableDeclaration('const', [j.variableDeclarator(id as never, j.arrayExpression([]))]);
  };
  if (parent.type === 'VariableDeclarator' && parent.init === node && (parent.id as LooseNode).type === 'Identifier' && (grand?.node as LooseNode | undefined)?.type === 'VariableDeclaration') {
    const target = parent.id as LooseNode;
    result = target.name as string;
    parent.init = j.arrayExpression([]);
    if (annotation && !target.typeAnnotation) target.typeAnnotation = annotation;
    place = (loop) => statementOf(grand as ASTPath<unknown>).insertAfter(loop);
  } else if ((parent.type === 'ReturnStatement' && parent.argument === node) || (parent.type === 'AssignmentExpression' && parent.right === node && (grand?.node as LooseNode | undefined)?.type === 'ExpressionStatement')) {
    const statement = (parent.type === 'ReturnStatement' ? parentPath : grand) as ASTPath<unknown>;
    result = freshName(used, 'items');
    const declaration = declare(result);
    // return items; / ys = items;
    const final = finalStatementFor(j, parent, result);
    (declaration as unknown as LooseNode).comments = (statement.node as LooseNode).comments;
    place = (loop) => replaceStatementWith(j, statement, [declaration, loop, final]);
  } else if (parent.type === 'ArrowFunctionExpression' && parent.body === node) {
    result = freshName(used, 'items');
    const declaration = declare(result);
    const name = result;
    place = (loop) => void (parent.body = j.blockStatement([declaration, loop as never, j.returnStatement(j.identifier(name))]));
  } else return false;
  // The loop variable lives in the loop alone: `item` unless the file (before this step) uses that name.
  const item = used.has('item') ? freshName(used, 'item') : 'item';
  // for await (const item of gen()) { xs.push(item); }
  const push = j.expressionStatement(j.callExpression(j.memberExpression(j.identifier(result), j.identifier('push')), [j.identifier(item)]));
  const loop = j.forOfStatement(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(item))]), generator as never, j.blockStatement([push]));
  (loop as unknown as LooseNode).await = true;
  place(loop);
  return true;
}
