/** `const t = xs.reduce((a, x) => e, init)` whose callback becomes async → `let t = init;` + a `for…of` loop ({@link toReduceLoop}). */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { LooseNode } from './context';
import { statementOf } from './statement-of';

/** Node keys holding a name that is not a reference to a variable (`o.a`, `{ a: 1 }`, `class { a() {} }`). */
function isNameOnly(parent: LooseNode | undefined, key: string | number | null | undefined): boolean {
  if (!parent || parent.computed) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property') return true;
  return key === 'key' && /^(Object|Class|ClassPrivate)?(Property|Method)$|^ObjectMethod$|^TSPropertySignature$/.test(parent.type);
}

/**
 * `const total = xs.reduce((acc, x, i) => e, init);` → `let total = init;` followed by
 * `for (const [i, x] of xs.entries()) { total = e; }` with `acc` renamed to `total` in `e` (the plan
 * checked that nothing in the callback shadows `acc` or names `total`). A type on `acc` moves to `total`.
 */
export function toReduceLoop(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  const [callback, init] = call.arguments as LooseNode[];
  const declarator = path.parent as ASTPath<unknown> | undefined;
  const declaration = declarator?.parent as ASTPath<unknown> | undefined;
  const target = (declarator?.node as LooseNode | undefined)?.id as LooseNode | undefined;
  if (member.type !== 'MemberExpression' || !callback || !init || (declarator?.node as LooseNode)?.type !== 'VariableDeclarator' || (declaration?.node as LooseNode)?.type !== 'VariableDeclaration' || target?.type !== 'Identifier') return false;
  const [acc, ...params] = (callback.params as LooseNode[]).map((p) => ({ ...p, typeAnnotation: null }));
  const accType = ((callback.params as LooseNode[])[0] as LooseNode).typeAnnotation;
  let expr = callback.body as LooseNode;
  if (expr.type === 'BlockStatement') expr = ((expr.body as LooseNode[])[0] as LooseNode).argument as LooseNode;
  if (acc?.type !== 'Identifier' || !expr) return false;
  const accName = (acc as LooseNode).name as string;
  const name = target.name as string;
  j(expr as never)
    .find(j.Identifier, { name: accName })
    .filter((p) => !isNameOnly(p.parent?.node as LooseNode, p.name))
    .forEach((p) => void (p.node.name = name));
  if (expr.type === 'Identifier' && expr.name === accName) expr = j.identifier(name) as unknown as LooseNode;
  // `(a, x) => (e)` needs its parentheses, `t = e` does not (recast adds any that precedence needs).
  const extra = (expr as { extra?: { parenthesized?: boolean } }).extra;
  if (extra?.parenthesized) (expr as { extra?: object }).extra = { ...extra, parenthesized: false };
  // for (const x of xs) / for (const [i, x] of xs.entries())
  const left = j.variableDeclaration('const', [j.variableDeclarator((params.length === 2 ? j.arrayPattern([params[1] as never, params[0] as never]) : params[0]) as never)]);
  const right = params.length === 2 ? j.callExpression(j.memberExpression(member.object as never, j.identifier('entries')), []) : member.object;
  // { total = e; }
  const body = j.blockStatement([j.expressionStatement(j.assignmentExpression('=', j.identifier(name), expr as never))]);
  // let total = init;
  const decl = declaration?.node as LooseNode;
  if (decl.kind === 'const') decl.kind = 'let';
  if (!target.typeAnnotation && accType) target.typeAnnotation = accType;
  (declarator?.node as LooseNode).init = init;
  if (declaration) statementOf(declaration).insertAfter(j.forOfStatement(left, right as never, body));
  return true;
}
