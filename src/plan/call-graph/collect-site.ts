/**
 * A generator consumed by `Array.from(gen())` or `[...gen()]` where the target has no
 * `Array.fromAsync` (Node.js < 22, or a TypeScript lib without es2024 / esnext.array; see
 * ../target.ts): the consumption becomes an explicit collection in statement position
 * (`collect-loop`), done by transforms/propagate-async/to-collect-loop.ts:
 *   `const xs = [...gen()];` → `const xs: T[] = [];` + `for await (const item of gen()) { xs.push(item); }`
 *   `return Array.from(gen());` → `const items: T[] = [];` + loop + `return items;`
 *   `ys = [...gen()];` → `const items: T[] = [];` + loop + `ys = items;`
 *   `(…) => [...gen()]` → `(…) => { const items: T[] = []; …loop; return items; }`
 * (`: T[]` in TypeScript files only). Anywhere else the generator stays sync (AM110) with the reason.
 */
import { ts } from 'ts-morph';
import type { BuildContext } from './context';

/** A consumption that becomes a `for await` loop: the node replaced, and the array type to write (TypeScript). */
export interface CollectSite {
  node: ts.CallExpression | ts.ArrayLiteralExpression;
  resultType?: string;
}

const NO_FROM_ASYNC = 'the target has no Array.fromAsync';

/** Whether `node` mentions an identifier spelled `name`. */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** The `Array.from(gen())` call or `[...gen()]` literal around the generator call `outer`, or why it is neither. */
function consumptionOf(outer: ts.Node, parent: ts.Node | undefined, sf: ts.SourceFile): ts.CallExpression | ts.ArrayLiteralExpression | string | undefined {
  if (!parent) return undefined;
  if (ts.isCallExpression(parent) && parent.arguments[0] === outer && parent.expression.getText(sf) === 'Array.from') {
    return parent.arguments.length === 1 ? parent : `is consumed by Array.from with a mapper or thisArg, and ${NO_FROM_ASYNC} (only Array.from(gen()) and [...gen()] alone become a for await loop)`;
  }
  if (ts.isSpreadElement(parent) && parent.expression === outer) {
    const literal = parent.parent;
    if (ts.isArrayLiteralExpression(literal) && literal.elements.length === 1) return literal;
    return ts.isArrayLiteralExpression(literal)
      ? `is spread into an array literal with other elements, which an async generator cannot be (${NO_FROM_ASYNC}; only [...gen()] alone becomes a for await loop)`
      : 'is spread into call arguments, which an async generator cannot be';
  }
  return undefined;
}

/** Whether statements can be inserted before `st`: it is in a statement list, or an `if` branch (which becomes a block). */
function inStatementPosition(st: ts.Node): boolean {
  const p = st.parent;
  return ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || (ts.isIfStatement(p) && p.expression !== st);
}

/** Why the collected array cannot go where `node`'s value goes, or undefined when it can (see the file's docblock). */
function placementRefusal(ctx: BuildContext, node: ts.CallExpression | ts.ArrayLiteralExpression, generatorCall: ts.Node): string | undefined {
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    const list = parent.parent;
    if (!ts.isIdentifier(parent.name)) return 'its array is destructured';
    if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(list.parent) || !inStatementPosition(list.parent) || ts.isIfStatement(list.parent.parent)) return 'its array is declared in a statement with several declarators or outside a block';
    if (mentions(generatorCall, parent.name.text)) return `the generator call mentions ${parent.name.text}, the variable being declared`;
    if (parent.type) {
      const written = ctx.checker.getTypeFromTypeNode(parent.type);
      const parts = written.isUnion() ? written.types : [written];
      if (!parts.some((t) => (t.flags & ts.TypeFlags.Any) !== 0 || ctx.checker.getPropertyOfType(t, 'push'))) return `its array is declared ${parent.type.getText()}, which has no push (readonly?)`;
    }
    return undefined;
  }
  if (ts.isReturnStatement(parent) && parent.expression === node) return inStatementPosition(parent) ? undefined : 'the return statement is not in a block or if';
  if (ts.isArrowFunction(parent) && parent.body === node) return undefined;
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isExpressionStatement(parent.parent)) {
    const left = parent.left;
    const stable = ts.isIdentifier(left) || (ts.isPropertyAccessExpression(left) && !left.questionDotToken && left.expression.kind === ts.SyntaxKind.ThisKeyword);
    if (!stable) return 'it is assigned to something other than a variable or this.property';
    return inStatementPosition(parent.parent) ? undefined : 'the assignment statement is not in a block or if';
  }
  return 'its array is used inside an expression; only `const xs = …;`, `xs = …;`, `return …;` and a concise arrow body become a for await loop';
}

/**
 * Without `Array.fromAsync` on the target: the consumption of the generator call `outer` (the call,
 * or its parenthesised/cast outer node; `parent` above it) that becomes a `collect-loop`, the reason
 * it cannot (AM110), or undefined when `outer` is not consumed by `Array.from` or a spread.
 */
export function collectSite(ctx: BuildContext, outer: ts.Node, parent: ts.Node | undefined, sf: ts.SourceFile): CollectSite | string | undefined {
  const node = consumptionOf(outer, parent, sf);
  if (node === undefined || typeof node === 'string') return node;
  const why = placementRefusal(ctx, node, outer);
  if (why) return `is consumed by ${ts.isArrayLiteralExpression(node) ? 'a spread' : 'Array.from'} and ${NO_FROM_ASYNC}, but ${why}`;
  const declared = ts.isVariableDeclaration(node.parent) && node.parent.type;
  if (declared || !/\.[cm]?tsx?$/.test(sf.fileName)) return { node };
  // `const xs: T[] = []`: an unannotated `[]` would be never[] or implicit any[] under strict options.
  return { node, resultType: ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node), node, ts.TypeFormatFlags.NoTruncation) };
}
