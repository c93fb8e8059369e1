/**
 * Graph nodes: the one {@link FnNode} per function-like node ({@link fnFor}), with its display name and
 * whether the language calls it implicitly.
 */
import { ts } from 'ts-morph';
import { memberAccessName } from '../commonjs-exports';
import { classifyReceiver } from '../receivers';
import { hasModifier, isFunctionWithBody, outerParent, propertyNameText } from '../syntax';
import type { BuildContext } from './context';
import type { FnNode } from './types';

const IMPLICIT_METHODS = new Set(['toString', 'valueOf', 'toJSON', 'toLocaleString', 'Symbol.iterator', 'Symbol.toPrimitive']);

/** Whether a method (or a property holding a function) is one the language calls implicitly. */
function isImplicitlyCalled(node: ts.Node): boolean {
  const holder = ts.isMethodDeclaration(node) ? node : node.parent && (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) ? node.parent : undefined;
  if (!holder || !holder.name) return false;
  const name = ts.isComputedPropertyName(holder.name) ? holder.name.expression.getText() : ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name) ? holder.name.text : '';
  return IMPLICIT_METHODS.has(name);
}

/** The name a function is shown with: `Store.load`, `load`, `exports.load`, `the callback passed to xs.map()`, `<arrow function>`. */
function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.PropertyName };
  const own = propertyNameText(named.name);
  const cls = node.parent && (ts.isClassLike(node.parent) || ts.isInterfaceDeclaration(node.parent)) ? node.parent : undefined;
  if (own && (ts.isMethodDeclaration(node) || ts.isMethodSignature(node) || ts.isPropertyDeclaration(node) || ts.isPropertySignature(node)) && cls) {
    return `${cls.name?.text ?? '<class>'}.${own}`;
  }
  if (own) return own;
  const { parent } = outerParent(node);
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) {
    const n = propertyNameText(parent.name);
    if (n) return ts.isPropertyDeclaration(parent) && ts.isClassLike(parent.parent) ? `${parent.parent.name?.text ?? '<class>'}.${n}` : n;
  }
  if (parent && ts.isBinaryExpression(parent) && (ts.isPropertyAccessExpression(parent.left) || (ts.isElementAccessExpression(parent.left) && memberAccessName(parent.left) !== undefined))) return parent.left.getText();
  if (parent && ts.isExportAssignment(parent)) return 'default export';
  if (parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
    return `the callback passed to ${classifyReceiver(parent).receiver}`;
  }
  return ts.isArrowFunction(node) ? '<arrow function>' : '<function>';
}

/**
 * The graph function of a function-like node (declaration, method, function expression, arrow, or a
 * signature: overload, interface member, function-typed property), created on first sight.
 * @param returnType the annotation that becomes `Promise<T>` when it is not the node's own (a function
 * type's return type standing for a typed parameter or variable).
 */
export function fnFor(ctx: BuildContext, node: ts.Node, returnType?: ts.TypeNode): FnNode {
  let fn = ctx.byNode.get(node);
  if (fn) return fn;
  const sf = node.getSourceFile();
  const hasBody = isFunctionWithBody(node);
  const ambient = (sf.isDeclarationFile || hasModifier(node, ts.SyntaxKind.DeclareKeyword)) ?? false;
  fn = {
    id: ctx.graph.fns.length,
    node,
    file: sf.fileName,
    name: nameOf(node),
    hasBody,
    isAsync: hasModifier(node, ts.SyntaxKind.AsyncKeyword),
    isGenerator: !!(node as ts.FunctionLikeDeclarationBase).asteriskToken,
    editable: ctx.options.projectFiles.has(sf.fileName) && (ctx.options.editableFiles?.has(sf.fileName) ?? true) && !ambient,
    returnType: returnType ?? (node as ts.SignatureDeclarationBase).type ?? (sf.fileName.match(/\.[cm]?jsx?$/) ? ts.getJSDocReturnType(node) : undefined),
    incoming: [],
    outgoing: [],
    uses: [],
    seeds: [],
    exported: false,
    implicit: isImplicitlyCalled(node),
  };
  ctx.graph.fns.push(fn);
  ctx.graph.parent.push(fn.id);
  ctx.byNode.set(node, fn);
  return fn;
}
