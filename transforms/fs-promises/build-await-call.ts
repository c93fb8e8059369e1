/**
 * Build the awaited promise call that replaces a sync fs call. Arguments are the original nodes, so
 * recast reprints them as they were written; recast adds the parentheses that precedence needs
 * (`(await readFile(p)).toString()`).
 */
import type { JSCodeshift } from 'jscodeshift';
import type { RewriteShape } from './classify-call-site';

type Node = Parameters<JSCodeshift['awaitExpression']>[0];

/**
 * The replacement expression for one call.
 * - `twin`:          await readFile(path, options)
 * - `exists`:        await access(path).then(() => true, () => false)
 *                    (existsSync is false on any error: so is this; fs-extra uses `await pathExists(path)`, a twin)
 * - `stat-no-throw`: await stat(path, { throwIfNoEntry: false }).catch((error) => {
 *                      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') { return undefined; }
 *                      throw error;
 *                    })
 *                    (statSync returns undefined for exactly these two codes — Node.js lib/fs.js
 *                    `throwIfNoEntry` handling; fs/promises ignores the option before Node 25.7)
 */
export function buildAwaitCall(j: JSCodeshift, shape: RewriteShape, callee: Node, args: Node[]): ReturnType<JSCodeshift['awaitExpression']> {
  const call = j.callExpression(callee as never, args as never);
  if (shape === 'twin') return j.awaitExpression(call);
  if (shape === 'exists') {
    const then = j.memberExpression(j.callExpression(callee as never, args.slice(0, 1) as never), j.identifier('then'));
    return j.awaitExpression(
      j.callExpression(then, [j.arrowFunctionExpression([], j.booleanLiteral(true)), j.arrowFunctionExpression([], j.booleanLiteral(false))]),
    );
  }
  const error = j.identifier('error');
  const code = j.memberExpression(error, j.identifier('code'));
  const guard = j.ifStatement(
    j.logicalExpression('||', j.binaryExpression('===', code, j.stringLiteral('ENOENT')), j.binaryExpression('===', code, j.stringLiteral('ENOTDIR'))),
    j.blockStatement([j.returnStatement(j.identifier('undefined'))]),
  );
  const handler = j.arrowFunctionExpression([error], j.blockStatement([guard, j.throwStatement(error)]));
  return j.awaitExpression(j.callExpression(j.memberExpression(call, j.identifier('catch')), [handler]));
}
