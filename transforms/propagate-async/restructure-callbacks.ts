/**
 * Restructure calls whose inline callback becomes async (the plan checked the shapes: for arrays, the
 * receiver is an array, the callback takes (item) or (item, index), and — for forEach — the call is a
 * statement whose callback has no `return` with a value; assertions are statements):
 * - `xs.forEach((x, i) => { … })` → `for (const [i, x] of xs.entries()) { … }`, `return;` → `continue;`
 * - `xs.map(cb)` → `await Promise.all(xs.map(cb))` (the callback is made async by the plan).
 * - `xs.flatMap(cb)` → `(await Promise.all(xs.map(cb))).flat()` (the callback is made async by the plan).
 * - `const t = xs.reduce((a, x, i) => e, init)` → `let t = init;` and `for (const [i, x] of xs.entries()) { t = e; }` (a → t).
 * - `--concurrency=sequential`: map/filter/flatMap/some/every/find/findIndex/findLast/findLastIndex →
 *   a `for…of` loop over the callback's body (see {@link toSequentialLoop}), e.g.
 *   `const ys = xs.map((x) => e)` → `const ys = [];` + `for (const x of xs) { ys.push(e); }`.
 * - `--target node22`: `Array.from(gen())` / `[...gen()]` → `await Array.fromAsync(gen())`; without
 *   Array.fromAsync, `const xs = [...gen()]` → `const xs = [];` + `for await (const item of gen()) { xs.push(item); }`
 *   (see {@link toCollectLoop}).
 * - `xs.filter(cb)` (some, every, find, findIndex, findLast, findLastIndex) →
 *   `await Promise.all(xs.map(cb)).then((settled) => xs.filter((_item, index) => settled[index]))`.
 * - `expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)`
 * - `assert.throws(cb, e)` → `await assert.rejects(cb, e)` (the callback is made async by the plan).
 * (`for await` loops over generators that became async are inserted as text, in add-async.ts.)
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { markReturnsAsContinue } from './continue-marker';
import { indexNodesByRange } from './index-nodes';
import { toCollectLoop } from './to-collect-loop';
import { toReduceLoop } from './to-reduce-loop';
import { toSequentialLoop } from './to-sequential-loop';

export { CONTINUE_MARKER, finishContinues } from './continue-marker';

/** `xs.forEach((x, i) => { … });` → `for (const [i, x] of xs.entries()) { … }` (`return;` → `continue;`). */
function toForOf(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const statement = path.parent as ASTPath<unknown> | undefined;
  const callee = call.callee as LooseNode;
  const callback = (call.arguments as LooseNode[])[0];
  if (!statement || (statement.node as LooseNode).type !== 'ExpressionStatement' || callee.type !== 'MemberExpression' || !callback) return false;
  const params = (callback.params as LooseNode[]).map((p) => ({ ...p, typeAnnotation: null }));
  let body = callback.body as LooseNode;
  if (body.type === 'BlockStatement') markReturnsAsContinue(j, body);
  // { expression; }
  else body = j.blockStatement([j.expressionStatement(body as never)]) as unknown as LooseNode;
  const items = callee.object as never;
  // for (const x of xs) / for (const [i, x] of xs.entries())
  const left = j.variableDeclaration('const', [j.variableDeclarator((params.length === 2 ? j.arrayPattern([params[1] as never, params[0] as never]) : params[0]) as never)]);
  const right = params.length === 2 ? j.callExpression(j.memberExpression(items, j.identifier('entries')), []) : items;
  const loop = j.forOfStatement(left, right, body as never);
  (loop as unknown as LooseNode).comments = (statement.node as LooseNode).comments;
  statement.replace(loop);
  return true;
}

/**
 * `xs.filter(cb)` → `await Promise.all(xs.map(cb)).then((settled) => xs.filter((_item, index) => settled[index]))`
 * (cb is made async by the plan; the receiver is side-effect free, checked by the plan).
 */
function toSettledTest(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  if (member.type !== 'MemberExpression' || member.computed) return false;
  const items = member.object as never;
  const method = member.property as never;
  // xs.map(cb)
  const mapped = j.callExpression(j.memberExpression(items, j.identifier('map')), call.arguments as never);
  // (_item, index) => settled[index]
  const pick = j.arrowFunctionExpression([j.identifier('_item'), j.identifier('index')], j.memberExpression(j.identifier('settled'), j.identifier('index'), true));
  // (settled) => xs.filter(pick)
  const then = j.arrowFunctionExpression([j.identifier('settled')], j.callExpression(j.memberExpression(items, method), [pick]));
  // await Promise.all(mapped).then(then)
  path.replace(j.awaitExpression(j.callExpression(j.memberExpression(j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [mapped]), j.identifier('then')), [then])));
  return true;
}

/** `xs.flatMap(cb)` → `(await Promise.all(xs.map(cb))).flat()` (cb is made async by the plan; one level, same order). */
function toFlatMapAll(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  if (member.type !== 'MemberExpression' || member.computed) return false;
  // xs.map(cb)
  const mapped = j.callExpression(j.memberExpression(member.object as never, j.identifier('map')), call.arguments as never);
  // (await Promise.all(mapped)).flat()
  const all = j.awaitExpression(j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [mapped]));
  path.replace(j.callExpression(j.memberExpression(all, j.identifier('flat')), []));
  return true;
}

/**
 * `Array.from(gen())` → `await Array.fromAsync(gen())` (also with the sync mapper the plan checked:
 * `Array.from(gen(), fn)` → `await Array.fromAsync(gen(), fn)`); `[...gen()]` → `await Array.fromAsync(gen())`.
 */
function toFromAsync(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const literal = path.node as LooseNode;
  if (literal.type === 'ArrayExpression') {
    const [spread] = literal.elements as LooseNode[];
    if ((literal.elements as LooseNode[]).length !== 1 || spread?.type !== 'SpreadElement') return false;
    // await Array.fromAsync(gen())
    path.replace(j.awaitExpression(j.callExpression(j.memberExpression(j.identifier('Array'), j.identifier('fromAsync')), [spread.argument as never])));
    return true;
  }
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  if (member.type !== 'MemberExpression' || (member.property as LooseNode).name !== 'from') return false;
  call.callee = j.memberExpression(member.object as never, j.identifier('fromAsync')) as never;
  path.replace(j.awaitExpression(call as never));
  return true;
}

/** `expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)` */
function toExpectRejects(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const assertion = path.node as LooseNode;
  const member = assertion.callee as LooseNode;
  const expectCall = member.object as LooseNode;
  const callback = (expectCall.arguments as LooseNode[])?.[0];
  if (member.type !== 'MemberExpression' || expectCall.type !== 'CallExpression' || callback?.type !== 'ArrowFunctionExpression') return false;
  // expect(f()).rejects.toThrow(e)
  expectCall.arguments = [callback.body];
  member.object = j.memberExpression(expectCall as never, j.identifier('rejects')) as never;
  path.replace(j.awaitExpression(assertion as never));
  return true;
}

/** `assert.throws(cb, e)` → `await assert.rejects(cb, e)` (cb is made async by the plan) */
function toAssertRejects(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  if (member.type !== 'MemberExpression') return false;
  call.callee = j.memberExpression(member.object as never, j.identifier('rejects')) as never;
  path.replace(j.awaitExpression(call as never));
  return true;
}

/** Apply the plan's callback restructurings; returns how many were changed. */
export function restructureCallbacks(j: JSCodeshift, root: Collection, { filePlan, report, key }: StepOptions): number {
  const index = indexNodesByRange(j, root, new Set(filePlan.callbacks.map((c) => key(c.start, c.end))));
  let changed = 0;
  let used: Set<string> | undefined;
  /** Every identifier of the file (and the temporaries already chosen), for fresh names. */
  const usedNames = (): Set<string> => (used ??= new Set(root.find(j.Identifier).nodes().map((n) => n.name)));
  for (const entry of filePlan.callbacks) {
    const path = index.get(key(entry.start, entry.end));
    const node = path?.node as LooseNode | undefined;
    const ok =
      path &&
      (node?.type === 'CallExpression' || ((entry.kind === 'from-async' || entry.kind === 'collect-loop') && node?.type === 'ArrayExpression')) &&
      (entry.kind === 'for-of'
        ? toForOf(j, path)
        : entry.kind === 'promise-all'
          ? true
          : entry.kind === 'promise-all-flat'
            ? toFlatMapAll(j, path)
          : entry.kind === 'reduce-loop'
            ? toReduceLoop(j, path)
          : entry.kind === 'promise-all-then'
            ? toSettledTest(j, path)
            : entry.kind === 'sequential-loop'
              ? toSequentialLoop(j, path, entry, usedNames())
              : entry.kind === 'from-async'
                ? toFromAsync(j, path)
              : entry.kind === 'collect-loop'
                ? toCollectLoop(j, path, entry, usedNames())
            : entry.kind === 'expect-rejects'
              ? toExpectRejects(j, path)
              : toAssertRejects(j, path));
    if (!ok || !path) {
      report({ kind: 'left-alone', code: 'AM331', message: `${entry.callee}(): the plan names an array call at ${entry.line}:${entry.column} that is not in this text (stale plan?); left as it is`, position: { line: entry.line, column: entry.column - 1 }, subject: entry.callee });
      continue;
    }
    // await Promise.all(xs.map(cb))
    if (entry.kind === 'promise-all') path.replace(j.awaitExpression(j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [path.node as never])));
    changed++;
    const what = {
      'for-of': `${entry.callee}(…) became a for…of loop`,
      'promise-all': `${entry.callee}(…) is awaited with Promise.all`,
      'promise-all-flat': `${entry.callee}(…) became (await Promise.all(….map(…))).flat()`,
      'reduce-loop': `${entry.callee}(…) became a for…of loop (reduce runs one item at a time)`,
      'promise-all-then': `${entry.callee}(…) runs on the awaited results of its callback (all callbacks run, concurrently)`,
      'sequential-loop': `${entry.callee}(…) became a for…of loop (--concurrency=sequential)`,
      'from-async': `${node?.type === 'ArrayExpression' ? `[...${entry.callee}(…)]` : `Array.from(${entry.callee}(…))`} became await Array.fromAsync(…) (--target node22)`,
      'collect-loop': `${node?.type === 'ArrayExpression' ? `[...${entry.callee}(…)]` : `Array.from(${entry.callee}(…))`} became a for await…of loop collecting the items (no Array.fromAsync on the target)`,
      'expect-rejects': `${entry.callee}(…) became await expect(…).rejects`,
      'assert-rejects': `${entry.callee}(…) became await assert.rejects(…)`,
      'for-await': '', // inserted as text by add-async.ts, never reaches this step
    }[entry.kind];
    report({ kind: 'rewritten', code: 'AM304', message: what, position: node?.loc?.start, subject: entry.callee });
  }
  return changed;
}
