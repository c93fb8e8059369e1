/**
 * A generator driven by hand: `gen().next()`, or `const it = gen();` whose every use in the same
 * function is `it.next(…)`, `it.return(…)` or `it.throw(…)`. When the generator becomes async those
 * calls return promises: each becomes an `await` site (`await it.next()`, `(await it.next()).value`)
 * and the generator call itself stays as it is (calling an async generator returns its iterator at
 * once). Any other use of `it` (spread, `for…of` over it, passing it on, a nested function) leaves the
 * generator sync (AM110).
 */
import { ts } from 'ts-morph';

const ITERATOR_METHODS = new Set(['next', 'return', 'throw']);

/** `recv.next(…)` / `.return(…)` / `.throw(…)` with `recv` the node given, or undefined. */
function iteratorCallOn(recv: ts.Node): ts.CallExpression | undefined {
  let node = recv;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const access = node.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node || !ITERATOR_METHODS.has(access.name.text)) return undefined;
  const call = access.parent;
  return call && ts.isCallExpression(call) && call.expression === access ? call : undefined;
}

/** The function (or source file) a node's code runs in. */
function ownerOf(node: ts.Node): ts.Node {
  let p = node.parent;
  while (p && !ts.isFunctionLike(p) && !ts.isSourceFile(p) && !ts.isClassStaticBlockDeclaration(p)) p = p.parent;
  return p ?? node.getSourceFile();
}

/**
 * The iterator calls to await for the generator call `outer` (its outermost wrapper; `parent` above
 * it), or undefined when the iterator is used any other way.
 */
export function iteratorCallSites(checker: ts.TypeChecker, outer: ts.Node, parent: ts.Node | undefined): ts.CallExpression[] | undefined {
  if (!parent) return undefined;
  const direct = iteratorCallOn(outer);
  if (direct) return [direct];
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== outer || !ts.isIdentifier(parent.name)) return undefined;
  const list = parent.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  const declared = parent.name;
  const symbol = checker.getSymbolAtLocation(declared);
  const owner = ownerOf(parent);
  if (!symbol) return undefined;
  const calls: ts.CallExpression[] = [];
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    const shorthand = ts.isIdentifier(n) && n.parent && ts.isShorthandPropertyAssignment(n.parent);
    if (ts.isIdentifier(n) && n !== declared && n.text === declared.text && (shorthand ? checker.getShorthandAssignmentValueSymbol(n.parent) : checker.getSymbolAtLocation(n)) === symbol) {
      const call = iteratorCallOn(n);
      if (call && ownerOf(n) === owner) calls.push(call);
      else other = true;
      return;
    }
    n.forEachChild(visit);
  };
  visit(owner);
  return other || calls.length === 0 ? undefined : calls;
}
