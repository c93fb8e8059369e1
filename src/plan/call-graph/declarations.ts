/**
 * What a name stands for: the graph functions a declaration, a symbol, an exported value or a CommonJS
 * module member holds (a function, a variable or property bound to one, an import, a `require`, an
 * annotation of a function type). Each symbol's functions are merged into one family.
 */
import { ts } from 'ts-morph';
import { assignedValue, isCommonJsExportsObject, memberAccessName, requiredSourceFile, requireSpecifier, WHOLE_MODULE, type ExportedValue } from '../commonjs-exports';
import { isFunctionWithBody, propertyNameText, skipOuter } from '../syntax';
import type { BuildContext } from './context';
import { fnFor } from './nodes';
import type { FnNode } from './types';
import { union } from './union-find';

/**
 * The function type a type annotation stands for, and the node that owns it: the annotation itself
 * (`(f: string) => string`), or a project type alias of one (`type Loader = (f: string) => string`),
 * whose users then change together (they share the alias's return type).
 */
export function functionTypeOf(ctx: BuildContext, type: ts.TypeNode | undefined, owner: ts.Node): { owner: ts.Node; fnType: ts.FunctionTypeNode } | undefined {
  if (!type) return undefined;
  if (ts.isFunctionTypeNode(type)) return { owner, fnType: type };
  if (!ts.isTypeReferenceNode(type)) return undefined;
  let symbol = ctx.checker.getSymbolAtLocation(ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.right);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const alias = symbol?.declarations?.find(ts.isTypeAliasDeclaration);
  if (!alias || !ts.isFunctionTypeNode(alias.type) || !ctx.options.projectFiles.has(alias.getSourceFile().fileName)) return undefined;
  return { owner: alias, fnType: alias.type };
}

/** The graph functions a declaration stands for (a function, or a variable/property holding one). */
export function fnsForDeclaration(ctx: BuildContext, decl: ts.Declaration, depth: number): FnNode[] {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) return [fnFor(ctx, decl)];
  if (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl)) {
    // `var f = exports.f = function …`: the last value of an assignment chain.
    const init = 'initializer' in decl && decl.initializer ? assignedValue(decl.initializer) : undefined;
    const annotated = ts.isPropertyAssignment(decl) ? undefined : functionTypeOf(ctx, decl.type, decl);
    // `const f: () => T = () => …` (or `: Loader`, an alias of one): the annotation changes with the function.
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return annotated ? [fnFor(ctx, init), fnFor(ctx, annotated.owner, annotated.fnType.type)] : [fnFor(ctx, init)];
    if (init && ts.isIdentifier(init) && depth < 4) return fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(init), depth + 1);
    // `const load = api.load`, `{ load: utils.file }`: the member it names.
    if (init && (ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init)) && depth < 4) {
      const member = ctx.resolver.resolveCallee(init);
      if (member.length > 0) return member;
    }
    // `const m = require('./m')`, `const f = require('./m').f` the checker could not follow.
    const required = init && ts.isVariableDeclaration(decl) && depth < 4 ? fnsForRequired(ctx, init, depth) : undefined;
    if (required) return required;
    const declType = ts.isPropertyAssignment(decl) ? undefined : decl.type;
    if (annotated) return [fnFor(ctx, annotated.owner, annotated.fnType.type)];
    // `x: typeof f` (or `x?: typeof f`) calls f's family.
    if (declType && ts.isTypeQueryNode(declType) && depth < 4) return fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(ts.isIdentifier(declType.exprName) ? declType.exprName : declType.exprName.right), depth + 1);
    return [];
  }
  // `function run(cb: () => T)`: calls of `cb` inside, and the functions passed for it, are one family.
  if (ts.isParameter(decl)) {
    const typed = functionTypeOf(ctx, decl.type, decl);
    return typed ? [fnFor(ctx, typed.owner, typed.fnType.type)] : [];
  }
  if (ts.isShorthandPropertyAssignment(decl) && depth < 4) return fnsForSymbol(ctx, ctx.checker.getShorthandAssignmentValueSymbol(decl), depth + 1);
  // `import { f } from './cjs'`, `import f from './cjs'`, `import f = require('./cjs')` of a CommonJS
  // module the checker cannot follow (Object.assign(module.exports, …)): its export table.
  if (ts.isImportSpecifier(decl) && depth < 4) return fnsForModuleMember(ctx, importedSourceFile(ctx, decl), (decl.propertyName ?? decl.name).text, depth);
  if ((ts.isImportClause(decl) || ts.isImportEqualsDeclaration(decl)) && depth < 4) return fnsForModuleMember(ctx, importedSourceFile(ctx, decl), WHOLE_MODULE, depth);
  // `const { f, g: h } = require('./m')` (a CommonJS module's export table) or `= obj` (a property of its type).
  if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent) && !decl.dotDotDotToken && depth < 4) {
    const key = decl.propertyName ? propertyNameText(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
    if (key === undefined) return [];
    const holder = decl.parent.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer && requireSpecifier(holder.initializer)) return fnsForModuleMember(ctx, requiredSourceFile(ctx.checker, holder.initializer), key, depth);
    const prop = ctx.checker.getTypeAtLocation(decl.parent).getProperty(key);
    return prop ? fnsForSymbol(ctx, prop, depth + 1) : [];
  }
  if (ts.isExportAssignment(decl)) {
    const e = skipOuter(decl.expression);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return [fnFor(ctx, e)];
    if (ts.isIdentifier(e) && depth < 4) return fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(e), depth + 1);
    return [];
  }
  const assignment = ts.isBinaryExpression(decl) ? decl : (ts.isPropertyAccessExpression(decl) || ts.isElementAccessExpression(decl)) && ts.isBinaryExpression(decl.parent) && decl.parent.left === decl ? decl.parent : undefined;
  if (assignment && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const right = assignedValue(assignment.right);
    if (ts.isArrowFunction(right) || ts.isFunctionExpression(right)) return [fnFor(ctx, right)];
    if (ts.isIdentifier(right) && depth < 4) return fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(right), depth + 1);
    // `exports.readText = utils.file`
    if ((ts.isPropertyAccessExpression(right) || ts.isElementAccessExpression(right)) && depth < 4) return ctx.resolver.resolveCallee(right);
  }
  return [];
}

/** Every graph function a symbol stands for, merged into one family. */
export function fnsForSymbol(ctx: BuildContext, symbol: ts.Symbol | undefined, depth = 0): FnNode[] {
  if (!symbol) return [];
  if (symbol.flags & ts.SymbolFlags.Alias) {
    // An alias the checker cannot follow (`const { f } = require('./m')` where m fills its exports
    // with Object.assign) resolves to the unknown symbol: its own declaration is read instead.
    const target = ctx.checker.getAliasedSymbol(symbol);
    if (target.declarations?.length) symbol = target;
  }
  const cached = ctx.bySymbol.get(symbol);
  if (cached) return cached;
  ctx.bySymbol.set(symbol, []); // cycle guard
  const fns = (symbol.declarations ?? []).flatMap((d) => fnsForDeclaration(ctx, d, depth));
  for (let i = 1; i < fns.length; i++) union(ctx.graph, fns[0], fns[i]);
  ctx.bySymbol.set(symbol, fns);
  return fns;
}

/** The CommonJS module `receiver` stands for: `exports`/`module.exports` (its own file), `require('./m')`, or a name bound to one. */
export function commonJsModuleOf(ctx: BuildContext, receiver: ts.Expression): ts.SourceFile | undefined {
  const r = skipOuter(receiver);
  if (isCommonJsExportsObject(r)) return r.getSourceFile();
  if (requireSpecifier(r)) return requiredSourceFile(ctx.checker, r);
  if (!ts.isIdentifier(r)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(r)?.declarations?.[0];
  if (decl && (ts.isNamespaceImport(decl) || ts.isImportClause(decl) || ts.isImportEqualsDeclaration(decl))) return importedSourceFile(ctx, decl); // import * as m / import m from / import m = require('./cjs')
  return decl && ts.isVariableDeclaration(decl) && decl.initializer && requireSpecifier(decl.initializer) ? requiredSourceFile(ctx.checker, decl.initializer) : undefined;
}

/** The source file an ES import (`import … from './m'`, `import m = require('./m')`) loads. */
export function importedSourceFile(ctx: BuildContext, decl: ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport | ts.ImportEqualsDeclaration): ts.SourceFile | undefined {
  let specifier: ts.Expression | undefined;
  if (ts.isImportEqualsDeclaration(decl)) specifier = ts.isExternalModuleReference(decl.moduleReference) ? decl.moduleReference.expression : undefined;
  else {
    const importDecl = ts.isImportSpecifier(decl) ? decl.parent.parent.parent : ts.isImportClause(decl) ? decl.parent : decl.parent.parent;
    specifier = importDecl.moduleSpecifier;
  }
  const target = specifier && ctx.checker.getSymbolAtLocation(specifier)?.valueDeclaration;
  return target && ts.isSourceFile(target) ? target : undefined;
}

/** The graph functions a CommonJS module exports under `name` ({@link WHOLE_MODULE}: `module.exports = f`), one family. */
export function fnsForModuleMember(ctx: BuildContext, sf: ts.SourceFile | undefined, name: string, depth = 0): FnNode[] {
  if (!sf || depth >= 4) return [];
  const key = `${sf.fileName}\u0000${name}`;
  const cached = ctx.moduleMembers.get(key);
  if (cached) return cached;
  ctx.moduleMembers.set(key, []); // cycle guard
  const fns = (ctx.commonJs.exportsOf(sf).get(name) ?? []).flatMap((v) => fnsForExportedValue(ctx, v, depth + 1));
  for (let i = 1; i < fns.length; i++) union(ctx.graph, fns[0], fns[i]);
  ctx.moduleMembers.set(key, fns);
  return fns;
}

/** `require('./m')` (what `module.exports` holds) or `require('./m').f`; undefined when `e` is neither. */
export function fnsForRequired(ctx: BuildContext, e: ts.Expression, depth: number): FnNode[] | undefined {
  const n = skipOuter(e);
  if (requireSpecifier(n)) return fnsForModuleMember(ctx, requiredSourceFile(ctx.checker, n), WHOLE_MODULE, depth);
  const name = memberAccessName(n);
  const receiver = (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && requireSpecifier(n.expression) ? n.expression : undefined;
  return receiver && name !== undefined ? fnsForModuleMember(ctx, requiredSourceFile(ctx.checker, receiver), name, depth) : undefined;
}

/**
 * The object literal a name or property was initialised with (`const handlers = { … }`), read when
 * its declared type has only an index signature (`Record<string, Handler>`) or none.
 */
export function objectLiteralBehind(ctx: BuildContext, e: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const n = skipOuter(e);
  const target = ts.isPropertyAccessExpression(n) ? n.name : ts.isIdentifier(n) ? n : undefined;
  const decl = target && ctx.checker.getSymbolAtLocation(target)?.valueDeclaration;
  const init = decl && (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertyAssignment(decl)) && decl.initializer ? assignedValue(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** The graph functions an object literal holds: every member, or the one named `name`. */
export function fnsForObjectMembers(ctx: BuildContext, obj: ts.ObjectLiteralExpression, name?: string): FnNode[] {
  return obj.properties.flatMap((p) => {
    if (name !== undefined && propertyNameText(p.name) !== name) return [];
    if (ts.isMethodDeclaration(p) && p.body) return [fnFor(ctx, p)];
    if (ts.isPropertyAssignment(p)) return fnsForExportedValue(ctx, p.initializer);
    if (ts.isShorthandPropertyAssignment(p)) return fnsForExportedValue(ctx, p);
    return [];
  });
}

/**
 * The graph functions one exported value stands for: an inline function or method, a name bound to
 * one (`{ f }` included), `require('./m')` or `require('./m').f`.
 */
export function fnsForExportedValue(ctx: BuildContext, value: ExportedValue, depth = 0): FnNode[] {
  if (ts.isShorthandPropertyAssignment(value)) return fnsForSymbol(ctx, ctx.checker.getShorthandAssignmentValueSymbol(value), depth);
  const e = skipOuter(value);
  if (isFunctionWithBody(e)) return [fnFor(ctx, e)];
  if (ts.isIdentifier(e)) return fnsForSymbol(ctx, ctx.checker.getSymbolAtLocation(e), depth);
  const required = ts.isExpression(e) && depth < 4 ? fnsForRequired(ctx, e, depth) : undefined;
  if (required) return required;
  // `exports.load = api.load`, `module.exports.f = helpers['f']`: the member it names.
  return ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? ctx.resolver.resolveCallee(e) : [];
}
