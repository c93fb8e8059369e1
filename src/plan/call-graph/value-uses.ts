/**
 * Functions used as values (passed to a receiver, stored, returned, exported): each use becomes a
 * {@link ValueUse}, classified as promise-aware (the function may become async) or blocking (a reason
 * code pins the function sync). Inline callbacks are classified during the pass (./build.ts); named
 * functions after it ({@link collectValueUses}), from the identifiers the pass saw in value position.
 */
import { ts } from 'ts-morph';
import { isCommonJsExportsObject, memberAccessName } from '../commonjs-exports';
import { classifyReceiver } from '../receivers';
import { outerParent, siteLocation, skipOuter } from '../syntax';
import type { BuildContext } from './context';
import { fnsForDeclaration, fnsForSymbol, functionTypeOf } from './declarations';
import type { FnNode, ValueUse } from './types';
import { union } from './union-find';

/** Classify a function used as a value at `valueNode` (its outermost wrapper is looked at). */
export function classifyValueUse(ctx: BuildContext, valueNode: ts.Node, sf: ts.SourceFile, own?: FnNode[]): ValueUse | 'bound' | 'iife' {
  // `utils.file` in `exports.readText = utils.file`: the member access is the value.
  const member = valueNode.parent && ts.isPropertyAccessExpression(valueNode.parent) && valueNode.parent.name === valueNode ? valueNode.parent : valueNode;
  const { node, parent } = outerParent(member);
  const loc = siteLocation(valueNode, sf);
  if (!parent) return { loc, code: 'AM109', text: 'escapes as a value' };
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === node) return 'bound';
  if (ts.isExportAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) return 'bound';
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(parent.left) || (ts.isElementAccessExpression(parent.left) && memberAccessName(parent.left) !== undefined))) return 'bound';
  if (ts.isCallExpression(parent) && parent.expression === node) return 'iife';
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
    const receiver = classifyReceiver(parent, ctx.allowedReceivers, own?.[0]?.node, ctx.checker);
    if (receiver.kind === 'promise-aware') return { loc, code: undefined, text: `is passed to ${receiver.receiver}` };
    if (receiver.kind === 'sync-only' && receiver.code === 'AM114') return { loc, code: receiver.code, text: `is a test callback of ${receiver.receiver} that takes a done callback`, callbackText: `must stay synchronous: it takes a done callback, and ${receiver.receiver} rejects a test that also returns a promise` };
    if (receiver.kind === 'sync-only') return { loc, code: receiver.code, text: `is passed to ${receiver.receiver}, which ignores returned promises`, callbackText: `must stay synchronous: ${receiver.receiver} ignores returned promises` };
    if (receiver.kind === 'array-method') return { loc, code: 'AM320', text: `is passed to ${receiver.receiver}, whose callback would need restructuring`, callbackText: `would need restructuring, not just async` };
    // Passed to a project function whose parameter has a function type: same family as the parameter.
    if (own && ts.isCallExpression(parent)) {
      const index = parent.arguments.indexOf(node as ts.Expression);
      const target = ctx.resolver.resolveCallee(skipOuter(parent.expression) as ts.Expression).find((f) => f.hasBody && f.editable);
      const param = target && (target.node as ts.SignatureDeclarationBase).parameters?.[index];
      if (param && !param.dotDotDotToken && functionTypeOf(ctx, param.type, param)) {
        for (const p of fnsForDeclaration(ctx, param, 0)) for (const o of own) union(ctx.graph, o, p);
        return 'bound';
      }
    }
    const contextual = ctx.checker.getContextualType(node as ts.Expression);
    const acceptsPromise = contextual?.getCallSignatures().some((s) => /\bPromise</.test(ctx.checker.typeToString(s.getReturnType()))) ?? false;
    if (acceptsPromise) return { loc, code: undefined, text: `is passed to ${receiver.receiver}, whose parameter accepts a promise-returning function` };
    return { loc, code: 'AM109', text: `is passed to ${receiver.receiver}, which the tool cannot see into`, callbackText: `is passed to ${receiver.receiver}, which the tool cannot see into` };
  }
  return { loc, code: 'AM109', text: 'escapes as a value' };
}

/** Whether an identifier is a value that may be a function escaping (not a call's callee, a declaration's name, a type, an import or an export binding). */
export function isValuePosition(ctx: BuildContext, id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  // The CommonJS `exports` object (or `module` of `module.exports`), whose symbol stands for the exports it receives: no function value.
  if (isCommonJsExportsObject(id) || (ts.isPropertyAccessExpression(p) && p.expression === id && isCommonJsExportsObject(p))) return false;
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === id) return ts.isNewExpression(p);
  if (ts.isPropertyAccessExpression(p)) {
    if (p.expression === id) {
      // f.call(…), f.apply(…) are calls of f; f.bind, f.x: the function escapes
      const { node: outer, parent } = outerParent(p);
      return !(parent && ts.isCallExpression(parent) && parent.expression === outer && ctx.resolver.isCallOrApply(p));
    }
    const { node: outer, parent } = outerParent(p);
    if (parent && ts.isBinaryExpression(parent) && parent.left === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return false; // exports.f = …
    return !(parent && ts.isCallExpression(parent) && skipOuter(parent.expression) === p);
  }
  if ((ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isClassLike(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && (p as ts.NamedDeclaration).name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p) || ts.isExportAssignment(p)) return false;
  if (ts.isShorthandPropertyAssignment(p)) return false; // handled as a binding (module.exports = { f })
  if (ts.isBinaryExpression(p) && p.right === id && (ts.isPropertyAccessExpression(p.left) || (ts.isElementAccessExpression(p.left) && memberAccessName(p.left) !== undefined))) return false; // exports.f = f, exports['f'] = f
  if (ts.isTypeQueryNode(p) || ts.isQualifiedName(p) || ts.isTypeReferenceNode(p) || ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isPartOfTypeNode(id)) return false;
  return true;
}

/**
 * After the pass: the uses of named functions, resolving only identifiers named like a bound function
 * (`ctx.boundNames`); the first function of the family carries the use.
 */
export function collectValueUses(ctx: BuildContext): void {
  for (const { id } of ctx.valueIdentifiers) {
    if (!ctx.boundNames.has(id.text)) continue;
    const fns: FnNode[] = fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(id));
    if (fns.length === 0) continue;
    const use = classifyValueUse(ctx, id, id.getSourceFile(), fns);
    if (typeof use !== 'object') continue;
    fns[0].uses.push(use);
  }
}
