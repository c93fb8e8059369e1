/**
 * `--concurrency=sequential`: an array method call whose inline callback becomes async
 * (map/filter/flatMap/some/every/find/findIndex/findLast/findLastIndex) becomes a `for…of` loop over
 * the callback's body, awaiting one item at a time ({@link toSequentialLoop}).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { PlanCallback } from '../../src/core/plan';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from '../lib/node-kinds';
import type { LooseNode } from './context';
import { CONTINUE_MARKER } from './continue-marker';
import { finalStatementFor, freshName, replaceStatementWith, typeAnnotationOf } from './loop-parts';
import { statementOf } from './statement-of';

/** Name of the fresh temporary per method, when the result is returned or assigned. */
const TEMPORARY_NAMES: Record<string, string> = { map: 'mapped', filter: 'kept', flatMap: 'flattened', some: 'someMatch', every: 'allMatch', find: 'found', findLast: 'found', findIndex: 'foundIndex', findLastIndex: 'foundIndex' };

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
export function toSequentialLoop(j: JSCodeshift, path: ASTPath<unknown>, entry: PlanCallback, used: Set<string>): boolean {
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
    const final = finalStatementFor(j, parent, result);
    (declaration as unknown as LooseNode).comments = (statement.node as LooseNode).comments;
    place = (loop) => replaceStatementWith(j, statement, [declaration, loop, final]);
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
