/**
 * Build the awaited promise call that replaces a sync fs call. The original call node is kept and
 * only its callee (and, for `throwIfNoEntry`, its options) changes, so recast reprints just the callee
 * and the call's own layout — arguments over several lines, their comments — survives. recast adds
 * the parentheses that precedence needs (`(await readFile(p)).toString()`).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { RewriteShape } from './classify-call-site';

type Node = Parameters<JSCodeshift['awaitExpression']>[0];
type CallNode = { callee: unknown; arguments: unknown[]; comments?: unknown };

/** How new multi-line code is laid out, in the file's style. */
export interface Layout {
  /** One level of indentation in this file (`\t` or spaces). */
  unit: string;
  quote: string;
  semicolon: string;
}

/**
 * The replacement expression for one call. `call` is the sync call's node: it is reused (its callee
 * set to `callee`, its arguments to `args` when they differ), so it must not be used elsewhere.
 * - `twin`:          await readFile(path, options)
 * - `exists`:        await access(path).then(() => true, () => false)
 *                    (existsSync is false on any error: so is this; fs-extra uses `await pathExists(path)`, a twin)
 * - `stat-no-throw`: await stat(path, { throwIfNoEntry: false }).catch((error) => {
 *                      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
 *                      throw error;
 *                    })
 *                    (statSync returns undefined for exactly these two codes — Node.js `fs.statSync`
 *                    docs, option `throwIfNoEntry`; fs/promises ignores the option before Node 25.7)
 */
export function buildAwaitCall(
  j: JSCodeshift,
  shape: RewriteShape,
  callee: Node,
  call: CallNode,
  args: Node[],
  layout: Layout,
): ReturnType<JSCodeshift['awaitExpression']> {
  call.callee = callee;
  const wanted = shape === 'exists' ? args.slice(0, 1) : args;
  if (wanted.length !== call.arguments.length || wanted.some((arg, i) => arg !== call.arguments[i])) call.arguments = wanted;
  const promiseCall = call as unknown as ReturnType<JSCodeshift['callExpression']>;
  if (shape === 'twin') return j.awaitExpression(promiseCall);
  if (shape === 'exists') {
    const then = j.memberExpression(promiseCall, j.identifier('then'));
    return j.awaitExpression(
      j.callExpression(then, [j.arrowFunctionExpression([], j.booleanLiteral(true)), j.arrowFunctionExpression([], j.booleanLiteral(false))]),
    );
  }
  // Parsed from text in the file's style; recast indents its tail to the statement it lands in.
  const { unit, quote: q, semicolon: semi } = layout;
  const lineIndent = '';
  const handlerText = [
    '(error) => {',
    `${lineIndent}${unit}if (error.code === ${q}ENOENT${q} || error.code === ${q}ENOTDIR${q}) return undefined${semi}`,
    `${lineIndent}${unit}throw error${semi}`,
    `${lineIndent}}`,
  ].join('\n');
  const handler = j(handlerText).find(j.ArrowFunctionExpression).get().node;
  return j.awaitExpression(j.callExpression(j.memberExpression(promiseCall, j.identifier('catch')), [handler]));
}

/**
 * recast (0.23, fast-path.js `needsParens`) parenthesises an `await` before `.x`, `(…)` and binary
 * operators, but not before TypeScript's non-null `!` or as a template tag, where without them the
 * `await` would take in what follows: `readFileSync(p)!.length` → `(await readFile(p))!.length`, not
 * `await readFile(p)!.length`. There `replacement` goes in explicit parentheses; elsewhere it is
 * returned as it is.
 */
export function parenthesizeWhereRecastDoesNot(j: JSCodeshift, call: ASTPath, replacement: ReturnType<JSCodeshift['awaitExpression']>) {
  const parent = call.parent?.node as { type: string } | undefined;
  const needs = (parent?.type === 'TSNonNullExpression' && call.name === 'expression') || (parent?.type === 'TaggedTemplateExpression' && call.name === 'tag');
  // (await readFile(p))
  return needs ? j.parenthesizedExpression(replacement) : replacement;
}

/**
 * Take the call's own comments off it, for the expression that replaces it to carry: recast then
 * leaves them where they are (a comment before the call stays before its `await`). recast reprints a node from its
 * original text only while it matches its original (`.original`, set by recast's parser) comments
 * included, so the call gets an original without comments (same location, same children) and keeps
 * its layout, arguments over several lines included.
 * @returns the comments, or undefined when the call has none
 */
export function detachComments(call: { comments?: unknown[] | null }): unknown[] | undefined {
  const comments = call.comments;
  if (!comments?.length) return undefined;
  call.comments = null;
  const original = (call as { original?: object }).original;
  if (original) (call as { original?: object }).original = { ...original, comments: null };
  return comments;
}
