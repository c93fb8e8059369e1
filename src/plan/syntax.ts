/**
 * Small syntax helpers over the TypeScript AST shared by the call graph and the callback
 * restructuring analysis: wrappers to skip (parentheses, `as`, `satisfies`, `!`, `<T>`), modifiers,
 * property names, and where a `return` must keep an `await`.
 */
import { ts } from 'ts-morph';
import type { SiteLocation } from './call-graph';

/** `node` without the wrappers that do not change its value: parentheses, `as`, `satisfies`, `!`, `<T>`. */
export function skipOuter(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

/** The first ancestor of `node` that is not such a wrapper, and the outermost wrapper (`node` itself when none). */
export function outerParent(node: ts.Node): { node: ts.Node; parent: ts.Node } {
  let n = node;
  let p = n.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p))) {
    n = p;
    p = p.parent;
  }
  return { node: n, parent: p };
}

/** A function declaration, method, function expression or arrow that has a body (not an overload or abstract signature). */
export const isFunctionWithBody = (n: ts.Node): n is ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction =>
  (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n)) && n.body !== undefined;

/** Whether `node` carries the modifier `kind` (`async`, `export`, `static`, …). */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** The text of an identifier, string, number or `#private` name; undefined for computed names and binding patterns. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** Whether a `return` (or concise body) sits inside try, a catch with a finally, or a `using` scope. */
export function needsAwaitOnReturn(node: ts.Node): boolean {
  let child = node;
  let p = node.parent;
  while (p && !ts.isFunctionLike(p) && !ts.isSourceFile(p)) {
    if (ts.isTryStatement(p) && (child === p.tryBlock || (child === p.catchClause && p.finallyBlock))) return true;
    if (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      for (const st of p.statements) {
        if (st === child) break;
        if (ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Using) !== 0) return true;
      }
    }
    child = p;
    p = p.parent;
  }
  return false;
}


/** The `Promise` combinators whose array argument handles promises. */
export const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** Where `node` is: its file, 1-based line and column of its first token, and its start/end offsets. */
export function siteLocation(node: ts.Node, sf: ts.SourceFile = node.getSourceFile()): SiteLocation {
  const start = node.getStart(sf);
  const lc = sf.getLineAndCharacterOfPosition(start);
  return { file: sf.fileName, line: lc.line + 1, column: lc.character + 1, start, end: node.getEnd() };
}
