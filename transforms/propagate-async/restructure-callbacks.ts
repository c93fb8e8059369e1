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
 * - `--target node22`: `Array.from(gen())` / `[...gen()]` → `await Array.fromAsync(gen())`.
 * - `xs.filter(cb)` (some, every, find, findIndex, findLast, findLastIndex) →
 *   `await Promise.all(xs.map(cb)).then((settled) => xs.filter((_item, index) => settled[index]))`.
 * - `expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)`
 * - `assert.throws(cb, e)` → `await assert.rejects(cb, e)` (the callback is made async by the plan).
 * (`for await` loops over generators that became async are inserted as text, in add-async.ts.)
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { walkNodes } from '../lib/walk-nodes';
import type { PlanCallback } from '../../src/core/plan';
import type { LooseNode, StepOptions } from './context';
import { indexNodesByRange } from './index-nodes';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from '../lib/node-kinds';


/**
 * Marker for `continue`: recast can only reprint a statement in place when its type is unchanged, so
 * a callback's `return;` becomes `return <marker>;` in the tree (only that statement is reprinted) and
 * {@link finishContinues} turns it into `continue` in the printed text.
 */
export const CONTINUE_MARKER = '__asyncMigrateContinue__';

/** Mark the callback's own `return;` statements (not those of nested functions) to become `continue;`. */
function returnsToContinue(j: JSCodeshift, body: LooseNode): void {
  walkNodes(body as never, (node) => {
    const n = node as LooseNode;
    if (n !== body && FUNCTION_TYPES.has(n.type)) return false;
    if (n.type === 'ReturnStatement' && !n.argument) n.argument = j.identifier(CONTINUE_MARKER);
    return undefined;
  });
}

/** `return <marker>` → `continue` in printed text. */
export function finishContinues(text: string): string {
  return text.includes(CONTINUE_MARKER) ? text.split(`return ${CONTINUE_MARKER}`).join('continue') : text;
}

function toForOf(j: JSCodeshift, path: ASTPath<unknown>): boolean {
  const call = path.node as LooseNode;
  const statement = path.parent as ASTPath<unknown> | undefined;
  const callee = call.callee as LooseNode;
  const callback = (call.arguments as LooseNode[])[0];
  if (!statement || (statement.node as LooseNode).type !== 'ExpressionStatement' || callee.type !== 'MemberExpression' || !callback) return false;
  const params = (callback.params as LooseNode[]).map((p) => ({ ...p, typeAnnotation: null }));
  let body = callback.body as LooseNode;
  if (body.type === 'BlockStatement') returnsToContinue(j, body);
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

/** The statement path of a declaration: the declaration, or the `export` that holds it (`export const ys = …`). */
function statementOf(declaration: ASTPath<unknown>): ASTPath<unknown> {
  const holder = declaration.parent as ASTPath<unknown> | undefined;
  return (holder?.node as LooseNode | undefined)?.type === 'ExportNamedDeclaration' ? holder as ASTPath<unknown> : declaration;
}

/** Name of the fresh temporary per method, when the result is returned or assigned. */
const TEMPORARY_NAMES: Record<string, string> = { map: 'mapped', filter: 'kept', flatMap: 'flattened', some: 'someMatch', every: 'allMatch', find: 'found', findLast: 'found', findIndex: 'foundIndex', findLastIndex: 'foundIndex' };

/** `base`, or `base2`, `base3`, … : the first not in `used` (every identifier of the file), which it joins. */
function freshName(used: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/**
 * A type annotation `: <text>` for a type the plan printed (`number[]`, `{ file: string; bytes: number; }[]`),
 * or undefined when the file's parser does not read it as a type. Written as the checker printed it,
 * on one line (recast would spread a type literal it builds over several lines): the type node holds
 * the checked text as its name.
 */
function typeAnnotationOf(j: JSCodeshift, text: string): LooseNode | undefined {
  try {
    const declarator = j(`let x: ${text};`).find(j.VariableDeclarator).nodes()[0] as unknown as LooseNode | undefined;
    if (!(declarator?.id as LooseNode | undefined)?.typeAnnotation) return undefined;
  } catch {
    return undefined;
  }
  return j.tsTypeAnnotation(j.tsTypeReference(j.identifier(text))) as unknown as LooseNode;
}

/** Whether control can reach the end of `statements` (babel AST; the same conservative rules as the plan's). */
function canFallThrough(statements: LooseNode[]): boolean {
  const ends = (st: LooseNode | undefined): boolean => {
    if (!st) return false;
    if (st.type === 'ReturnStatement' || st.type === 'ThrowStatement') return true;
    if (st.type === 'BlockStatement') return !canFallThrough(st.body as LooseNode[]);
    if (st.type === 'IfStatement') return !!st.alternate && ends(st.consequent as LooseNode) && ends(st.alternate as LooseNode);
    if (st.type === 'TryStatement') {
      const finalizer = st.finalizer as LooseNode | null;
      const handler = st.handler as LooseNode | null;
      return (!!finalizer && !canFallThrough(finalizer.body as LooseNode[])) || (!canFallThrough((st.block as LooseNode).body as LooseNode[]) && (!handler || !canFallThrough((handler.body as LooseNode).body as LooseNode[])));
    }
    return false;
  };
  return statements.length === 0 || !ends(statements[statements.length - 1]);
}

/**
 * `--concurrency=sequential` (`sequential-loop`): `xs.<method>(cb)` becomes a `for…of` loop over the
 * callback's body, awaiting one item at a time; each own `return e` of the callback becomes what the
 * method does with the returned value, then `continue` (left out as the body's last statement):
 *   map:      `ys.push(e)` (falling off the end: `ys.push(undefined)`)
 *   filter:   `if (e) { ys.push(x); }`
 *   flatMap:  `ys.push(...e)` (the plan checked that e is an array; `ys.push(a, b)` for `[a, b]`)
 *   some:     `if (e) { ok = true; break; }`          every: `if (!e) { ok = false; break; }` (end: `ok = false; break;`)
 *   find:     `if (e) { found = x; break; }`          findIndex: `if (e) { i = index; break; }`
 * findLast/findLastIndex loop over `[...xs.entries()].reverse()` (`[...xs].reverse()` without an index).
 * Where the result goes:
 *   `const ys = xs.map(cb);` → `const ys = [];` (`let ok = false;` / `let found;` / `let i = -1;`, const → let) + loop
 *   `return xs.map(cb);`     → `const mapped = [];` + loop + `return mapped;` (fresh name; in a block when needed)
 *   `ys = xs.map(cb);`       → `const mapped = [];` + loop + `ys = mapped;`
 *   `(xs) => xs.map(cb)`     → `(xs) => { const mapped = []; …loop; return mapped; }`
 * A type the plan printed (`resultType`) goes on the variable; parameter types are dropped (the loop
 * variables get the element type).
 */
function toSequentialLoop(j: JSCodeshift, path: ASTPath<unknown>, entry: PlanCallback, used: Set<string>): boolean {
  const call = path.node as LooseNode;
  const member = call.callee as LooseNode;
  const callback = (call.arguments as LooseNode[])[0];
  if (member.type !== 'MemberExpression' || member.computed || !callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return false;
  const method = (member.property as LooseNode).name as string;
  if (!Object.prototype.hasOwnProperty.call(TEMPORARY_NAMES, method)) return false;
  const parentPath = path.parent as ASTPath<unknown> | undefined;
  const parent = parentPath?.node as LooseNode | undefined;
  const grand = parentPath?.parent as ASTPath<unknown> | undefined;
  const searching = !['map', 'filter', 'flatMap'].includes(method);
  const params = (callback.params as LooseNode[]).map((p) => ({ ...p, typeAnnotation: null }) as LooseNode);
  const item = params[0];
  const indexed = method === 'findIndex' || method === 'findLastIndex';
  const index = params[1] ?? (indexed ? (j.identifier(freshName(used, 'index')) as unknown as LooseNode) : undefined);
  // [] / false / true / (nothing) / -1
  const init = method === 'some' ? j.booleanLiteral(false) : method === 'every' ? j.booleanLiteral(true) : method === 'find' || method === 'findLast' ? null : indexed ? j.unaryExpression('-', j.numericLiteral(1)) : j.arrayExpression([]);
  const annotation = entry.resultType ? typeAnnotationOf(j, entry.resultType) : undefined;

  let result: string;
  let place: (loop: unknown) => void;
  if (parent?.type === 'VariableDeclarator' && (grand?.node as LooseNode | undefined)?.type === 'VariableDeclaration' && (parent.id as LooseNode).type === 'Identifier') {
    const target = parent.id as LooseNode;
    result = target.name as string;
    const declaration = grand?.node as LooseNode;
    if (searching && declaration.kind === 'const') declaration.kind = 'let';
    parent.init = init;
    if (annotation && !target.typeAnnotation) target.typeAnnotation = annotation;
    place = (loop) => statementOf(grand as ASTPath<unknown>).insertAfter(loop);
  } else if ((parent?.type === 'ReturnStatement' && parent.argument === call) || (parent?.type === 'AssignmentExpression' && parent.right === call && (grand?.node as LooseNode | undefined)?.type === 'ExpressionStatement')) {
    const statement = (parent.type === 'ReturnStatement' ? parentPath : grand) as ASTPath<unknown>;
    result = freshName(used, TEMPORARY_NAMES[method]);
    const id = j.identifier(result) as unknown as LooseNode;
    if (annotation) id.typeAnnotation = annotation;
    // const mapped = []; / let found;
    const declaration = j.variableDeclaration(searching ? 'let' : 'const', [j.variableDeclarator(id as never, init as never)]);
    // return mapped; / ys = mapped;
    const final = parent.type === 'ReturnStatement' ? j.returnStatement(j.identifier(result)) : j.expressionStatement(j.assignmentExpression('=', parent.left as never, j.identifier(result)));
    (declaration as unknown as LooseNode).comments = (statement.node as LooseNode).comments;
    place = (loop) => {
      const list = [declaration, loop, final];
      if (Array.isArray((statement as unknown as { parentPath: { value: unknown } }).parentPath.value)) statement.replace(...(list as never[]));
      else statement.replace(j.blockStatement(list as never[]));
    };
  } else if (parent?.type === 'ArrowFunctionExpression' && parent.body === call) {
    // (xs) => xs.map(cb)  →  (xs) => { const mapped = []; for (…) …; return mapped; }
    result = freshName(used, TEMPORARY_NAMES[method]);
    const id = j.identifier(result) as unknown as LooseNode;
    if (annotation) id.typeAnnotation = annotation;
    const declaration = j.variableDeclaration(searching ? 'let' : 'const', [j.variableDeclarator(id as never, init as never)]);
    place = (loop) => void (parent.body = j.blockStatement([declaration, loop as never, j.returnStatement(j.identifier(result))]));
  } else return false;

  const name = () => j.identifier(result);
  // ys.push(e) / ys.push(...e) / ys.push(a, b) for a returned `[a, b]`
  const push = (value: unknown, spread = false) => {
    const literal = value as LooseNode;
    const elements = spread && literal.type === 'ArrayExpression' ? (literal.elements as (LooseNode | null)[]) : undefined;
    const args = elements && elements.every((e) => e && e.type !== 'SpreadElement') ? elements : [spread ? j.spreadElement(value as never) : value];
    return j.expressionStatement(j.callExpression(j.memberExpression(name(), j.identifier('push')), args as never[]));
  };
  // ok = true; break;
  const settle = (value: unknown) => [j.expressionStatement(j.assignmentExpression('=', name(), value as never)), j.breakStatement()];
  const itemRef = () => j.identifier((item as LooseNode).name as string);
  /** `if (value) { …action }`; a `true`/`false` literal decides at once (`return false;` in a filter: skip the item). */
  const when = (value: LooseNode, action: unknown[], negate = false): unknown[] => {
    const literal = value.type === 'BooleanLiteral' || (value.type === 'Literal' && typeof value.value === 'boolean') ? (value.value as boolean) !== negate : undefined;
    if (literal !== undefined) return literal ? action : [];
    return [j.ifStatement((negate ? j.unaryExpression('!', value as never) : value) as never, j.blockStatement(action as never[]))];
  };
  /** What `return value` (`value` null for a bare `return;`) does in the loop, without the trailing `continue`. */
  const onReturn = (value: LooseNode | null): unknown[] => {
    switch (method) {
      case 'map':
        return [push(value ?? j.identifier('undefined'))];
      case 'flatMap':
        return [push(value, true)];
      case 'filter':
        return value ? when(value, [push(itemRef())]) : [];
      case 'some':
        return value ? when(value, settle(j.booleanLiteral(true))) : [];
      case 'every':
        return value ? when(value, settle(j.booleanLiteral(false)), true) : settle(j.booleanLiteral(false));
      case 'find':
      case 'findLast':
        return value ? when(value, settle(itemRef())) : [];
      default:
        return value ? when(value, settle(j.identifier((index as LooseNode).name as string))) : [];
    }
  };
  /** What falling off the end of the callback does. */
  const onEnd = (): unknown[] => (method === 'map' ? [push(j.identifier('undefined'))] : method === 'every' ? settle(j.booleanLiteral(false)) : []);

  let body: LooseNode;
  if (callback.body && (callback.body as LooseNode).type === 'BlockStatement') {
    body = callback.body as LooseNode;
    const statements = body.body as LooseNode[];
    const returns: ASTPath<LooseNode>[] = [];
    // Paths of the main tree (not a fresh tree over `body`), so that sibling paths stay in step with the edits.
    j((path as unknown as { get(...names: (string | number)[]): ASTPath<unknown> }).get('arguments', 0, 'body') as never)
      .find(j.ReturnStatement)
      .forEach((p) => {
        for (let a = p.parent as ASTPath<unknown> | null; a && a.node !== body; a = a.parent) if (FUNCTION_TYPES.has((a.node as LooseNode).type)) return;
        const argument = p.node.argument as LooseNode | null;
        if (argument?.type === 'Identifier' && argument.name === CONTINUE_MARKER) return; // a nested forEach's, already a loop
        returns.push(p as unknown as ASTPath<LooseNode>);
      });
    const fallsThrough = canFallThrough(statements);
    for (const p of returns) {
      const last = statements[statements.length - 1] === p.node;
      const list = onReturn((p.node.argument as LooseNode | null) ?? null);
      const abrupt = list.length > 0 && (list[list.length - 1] as LooseNode).type === 'BreakStatement';
      const replacement = last || abrupt ? list : [...list, j.continueStatement()];
      if (Array.isArray((p as unknown as { parentPath: { value: unknown } }).parentPath.value)) {
        if (replacement.length === 0) p.prune();
        else p.replace(...(replacement as never[]));
      } else p.replace(j.blockStatement(replacement as never[]));
    }
    if (fallsThrough) statements.push(...(onEnd() as LooseNode[]));
  } else {
    // `(x) => ({ … })` needs its parentheses, `ys.push({ … })` does not.
    const value = callback.body as LooseNode & { extra?: { parenthesized?: boolean } };
    if (value.extra?.parenthesized) value.extra = { ...value.extra, parenthesized: false };
    // { ys.push(e); }
    body = j.blockStatement(onReturn(value) as never[]) as unknown as LooseNode;
  }

  // for (const x of xs) / for (const [i, x] of xs.entries()) / findLast: of [...xs].reverse() / [...xs.entries()].reverse()
  const items = member.object as never;
  const left = j.variableDeclaration('const', [j.variableDeclarator((index ? j.arrayPattern([index as never, item as never]) : item) as never)]);
  let right: unknown = index ? j.callExpression(j.memberExpression(items, j.identifier('entries')), []) : items;
  if (method === 'findLast' || method === 'findLastIndex') right = j.callExpression(j.memberExpression(j.arrayExpression([j.spreadElement(right as never)]), j.identifier('reverse')), []);
  place(j.forOfStatement(left, right as never, body as never));
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
function toReduceLoop(j: JSCodeshift, path: ASTPath<unknown>): boolean {
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
      (node?.type === 'CallExpression' || (entry.kind === 'from-async' && node?.type === 'ArrayExpression')) &&
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
      'expect-rejects': `${entry.callee}(…) became await expect(…).rejects`,
      'assert-rejects': `${entry.callee}(…) became await assert.rejects(…)`,
      'for-await': '', // inserted as text by add-async.ts, never reaches this step
    }[entry.kind];
    report({ kind: 'rewritten', code: 'AM304', message: what, position: node?.loc?.start, subject: entry.callee });
  }
  return changed;
}
