/**
 * Exported API: ES exports (`export function`, `export const`, public methods of an exported class)
 * and CommonJS exports (`module.exports = …`, `exports.f = …`, and the export tables of
 * ../commonjs-exports.ts: `Object.assign(module.exports, …)`, spreads, whole-module re-exports), which
 * set `FnNode.exported` and, per file, `CallGraph.commonJsExports` (what `--public-api=keep` keeps).
 */
import { ts } from 'ts-morph';
import { isCommonJsExportsObject, memberAccessName, type ExportedValue } from '../commonjs-exports';
import { hasModifier, skipOuter } from '../syntax';
import type { BuildContext } from './context';
import { fnsForExportedValue, fnsForSymbol } from './declarations';
import { fnFor } from './nodes';
import type { FnNode } from './types';

/** Whether a class member is hidden from users of the class (`private`, `protected`, `#name`). */
function isHiddenMember(member: ts.ClassElement): boolean {
  return hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword) || (member.name !== undefined && ts.isPrivateIdentifier(member.name));
}

/** The public methods (with a body) of a class: exported API when the class is. */
function publicMethodsOf(ctx: BuildContext, cls: ts.ClassLikeDeclaration | undefined): FnNode[] {
  const fns: FnNode[] = [];
  for (const member of cls?.members ?? []) if (!isHiddenMember(member) && ts.isMethodDeclaration(member) && member.body) fns.push(fnFor(ctx, member));
  return fns;
}

/** Public methods of an exported class (`export class Store { … }`) are exported API too. */
export function markExportedClassMethods(ctx: BuildContext, cls: ts.ClassLikeDeclaration): void {
  if (!ts.isClassDeclaration(cls) || !hasModifier(cls, ts.SyntaxKind.ExportKeyword)) return;
  for (const fn of publicMethodsOf(ctx, cls)) fn.exported = true;
}

/**
 * CommonJS exports are exported API too: `module.exports = f`, `module.exports = { f, g: …, h() {} }`,
 * `module.exports.f = …` and `exports.f = …` (an inline function or a name bound to one).
 */
export function markCommonJsExports(ctx: BuildContext, assignment: ts.BinaryExpression): void {
  const left = skipOuter(assignment.left) as ts.Expression;
  const right = skipOuter(assignment.right) as ts.Expression;
  let fns: FnNode[] = [];
  if (isCommonJsExportsObject(left) && !ts.isIdentifier(left)) {
    if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isMethodDeclaration(p) && p.body) fns.push(fnFor(ctx, p));
        else if (ts.isPropertyAssignment(p)) fns.push(...fnsForExportedValue(ctx, p.initializer));
        else if (ts.isShorthandPropertyAssignment(p)) fns.push(...fnsForSymbol(ctx, ctx.checker.getShorthandAssignmentValueSymbol(p)));
      }
    } else fns = fnsForExportedValue(ctx, right);
  } else if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && memberAccessName(left) !== undefined && isCommonJsExportsObject(left.expression)) fns = fnsForExportedValue(ctx, right);
  for (const fn of fns) fn.exported = true;
}

/** The class an exported value is (`class …`) or names (`Store`, `{ Store }`, through aliases). */
function classBehind(ctx: BuildContext, v: ExportedValue): ts.ClassLikeDeclaration | undefined {
  const e = ts.isShorthandPropertyAssignment(v) ? v : skipOuter(v);
  if (ts.isClassExpression(e)) return e;
  let symbol = ts.isShorthandPropertyAssignment(e) ? ctx.checker.getShorthandAssignmentValueSymbol(e) : ts.isIdentifier(e) ? ctx.checker.getSymbolAtLocation(e) : undefined;
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration;
  return decl && (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) ? decl : undefined;
}

/**
 * After the pass: the CommonJS export tables (Object.assign(module.exports, …), spread and
 * whole-module re-exports, properties of an object bound to module.exports) of every project file
 * are exported API, recorded per file for --public-api=keep.
 */
export function collectCommonJsExportTables(ctx: BuildContext): void {
  for (const sf of ctx.program.getSourceFiles()) {
    if (!ctx.options.projectFiles.has(sf.fileName)) continue;
    const table = ctx.commonJs.exportsOf(sf);
    if (table.size === 0) continue;
    const fns = new Set<FnNode>();
    for (const values of table.values()) {
      for (const v of values) {
        for (const fn of fnsForExportedValue(ctx, v)) fns.add(fn);
        // `module.exports = Store`, `exports.Store = class …`: the public methods of an exported class.
        for (const fn of publicMethodsOf(ctx, classBehind(ctx, v))) fns.add(fn);
      }
    }
    for (const fn of fns) fn.exported = true;
    if (fns.size > 0) ctx.graph.commonJsExports.set(sf.fileName, [...fns]);
  }
}
