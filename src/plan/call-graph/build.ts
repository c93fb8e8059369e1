/**
 * The call graph of a project, built in ONE pass over every project source file with the raw
 * TypeScript checker (`getSymbolAtLocation`, aliases resolved with `getAliasedSymbol`). Never
 * `findReferences` per function: that is quadratic (see DESIGN.md, "Speed").
 *
 * Nodes are functions (declarations, methods, function expressions, arrows, and the signatures that
 * share a symbol with them: overloads, interface members, function-typed properties). Families —
 * the declarations of one symbol, interface members and their implementations, base and derived
 * overrides — are merged with a union-find, because they change together or not at all.
 *
 * Each call expression whose callee resolves to project functions becomes a call site with the
 * context it sits in (can it await? is it already handled as a promise?). Each function used as a
 * value (passed to a receiver, stored, returned) becomes a value use, classified as promise-aware
 * (may become async) or blocking (pins the function sync). Seeds are collected on the way: rewritable
 * sync fs calls (src/core/fs-api.ts) and `await` in non-async functions.
 *
 * The steps live beside this file, each taking the builder context ({@link BuildContext}) explicitly:
 * ./call-sites.ts, ./value-uses.ts, ./families.ts, ./exports.ts, ./declarations.ts (what a name
 * stands for), and ./resolve-callee.ts, the swappable callee resolution.
 */
import { ts } from 'ts-morph';
import { createCommonJsExportReader } from '../commonjs-exports';
import { restructurableArrayCall, restructurableAssertion } from '../restructure';
import { hasModifier, isFunctionWithBody, siteLocation, skipOuter } from '../syntax';
import { deferArrayParameterCallback, resolveArrayParameterCallbacks } from './array-parameters';
import { addRestructuredCallbackSite, visitCall } from './call-sites';
import type { BuildContext, Scope } from './context';
import { fnsForDeclaration, functionTypeOf } from './declarations';
import { collectCommonJsExportTables, markCommonJsExports, markExportedClassMethods } from './exports';
import { linkClassFamilies, linkObjectLiteralFamilies } from './families';
import { fnFor } from './nodes';
import { createCheckerCalleeResolver, type CalleeResolver, type CalleeResolverFactory } from './resolve-callee';
import type { CallGraph, CallGraphOptions } from './types';
import { classifyValueUse, collectValueUses, isValuePosition } from './value-uses';

/**
 * Build the call graph of the project's own source files in one pass.
 * @param program the program (all files, typings included); only `options.projectFiles` are walked.
 * @param createResolver the callee resolution to use (default: the raw TypeScript checker's).
 * @returns the graph; throws only on bugs (a checker that throws).
 */
export function buildCallGraph(program: ts.Program, checker: ts.TypeChecker, options: CallGraphOptions, createResolver: CalleeResolverFactory = createCheckerCalleeResolver): CallGraph {
  const ctx = createBuildContext(program, checker, options, createResolver);
  for (const sf of program.getSourceFiles()) {
    if (!options.projectFiles.has(sf.fileName)) continue;
    const outside = options.editableFiles && !options.editableFiles.has(sf.fileName) ? { code: 'AM108' as const, text: 'a file outside the files being migrated' } : undefined;
    visit(ctx, sf, { fn: undefined, blocked: outside, esm: options.isEsModule(sf.fileName) }, sf);
  }
  collectCommonJsExportTables(ctx);
  collectValueUses(ctx);
  resolveArrayParameterCallbacks(ctx);
  return ctx.graph;
}

/** A fresh context for one build; its resolver is made by `createResolver` over the context itself. */
function createBuildContext(program: ts.Program, checker: ts.TypeChecker, options: CallGraphOptions, createResolver: CalleeResolverFactory): BuildContext {
  const ctx: Omit<BuildContext, 'resolver'> & { resolver?: CalleeResolver } = {
    graph: { fns: [], sites: [], fsSeeds: [], parent: [], commonJsExports: new Map() },
    program,
    checker,
    options,
    commonJs: createCommonJsExportReader(checker),
    byNode: new Map(),
    bySymbol: new Map(),
    moduleMembers: new Map(),
    boundNames: new Set(),
    inlinedBodies: new Set(),
    valueIdentifiers: [],
    deferredArrayCallbacks: [],
    fsModules: options.fsModules ?? [],
    blockingApis: options.blockingApis ?? true,
    allowedReceivers: new Set(options.allowCallbacks ?? []),
  };
  ctx.resolver = createResolver(ctx as BuildContext);
  return ctx as BuildContext;
}

/** The single pass: one node and its subtree, in `scope`. */
function visit(ctx: BuildContext, node: ts.Node, scope: Scope, sf: ts.SourceFile): void {
  if (isFunctionWithBody(node)) return visitFunction(ctx, node, scope, sf);
  const blocked = blockedScopeOf(node, scope, sf);
  if (blocked) {
    ts.forEachChild(node, (c) => visit(ctx, c, blocked, sf));
    return;
  }
  if (ts.isClassLike(node)) {
    linkClassFamilies(ctx, node);
    markExportedClassMethods(ctx, node);
  }
  else if (ts.isObjectLiteralExpression(node)) linkObjectLiteralFamilies(ctx, node);
  else if (ts.isCallExpression(node)) visitCall(ctx, node, scope, sf);
  else if ((ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) && scope.fn && !scope.fn.isAsync && !scope.blocked) {
    scope.fn.seeds.push({ kind: 'await', loc: siteLocation(node, sf), text: 'await' });
  } else if (ts.isIdentifier(node) && isValuePosition(ctx, node)) ctx.valueIdentifiers.push({ id: node, file: sf.fileName });
  else if (ts.isVariableStatement(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) {
    for (const d of node.declarationList.declarations) for (const f of fnsForDeclaration(ctx, d, 0)) f.exported = true;
  }
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) markCommonJsExports(ctx, node);
  ts.forEachChild(node, (c) => visit(ctx, c, scope, sf));
}

/**
 * The scope inside a place where `await` cannot go: a constructor (AM101), an accessor (AM102), a
 * class static block or a field initialiser that is not a function (AM103). Undefined elsewhere.
 */
function blockedScopeOf(node: ts.Node, scope: Scope, sf: ts.SourceFile): Scope | undefined {
  const blocked = (code: 'AM101' | 'AM102' | 'AM103', text: string): Scope => ({ fn: undefined, blocked: { code, text }, esm: scope.esm });
  if (ts.isConstructorDeclaration(node)) return blocked('AM101', `the constructor of ${node.parent.name?.text ?? 'a class'}`);
  if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) return blocked('AM102', `the ${ts.isGetAccessor(node) ? 'getter' : 'setter'} ${node.name.getText(sf)}`);
  if (ts.isClassStaticBlockDeclaration(node)) return blocked('AM103', 'a class static block');
  if (ts.isPropertyDeclaration(node) && node.initializer && !isFunctionWithBody(skipOuter(node.initializer))) return blocked('AM103', `the initialiser of field ${node.name.getText(sf)}`);
  return undefined;
}

/**
 * A function with a body: its graph node; for an inline callback, its use (or the restructured call
 * that stands for a call of it); then its parameters (where calls cannot be awaited, AM111) and body.
 */
function visitFunction(ctx: BuildContext, node: ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction, scope: Scope, sf: ts.SourceFile): void {
  const fn = fnFor(ctx, node);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const use = classifyValueUse(ctx, node, sf, [fn]);
    const found = typeof use !== 'object' ? undefined : use.code === 'AM320' ? restructurableArrayCall(node, ctx.checker, { concurrency: ctx.options.concurrency, compilerOptions: ctx.program.getCompilerOptions() }) : use.code === 'AM109' ? restructurableAssertion(node) : undefined;
    const restructure = found && 'kind' in found ? found : undefined;
    if (found && 'refused' in found && typeof use === 'object') use.callbackText = `${use.callbackText ?? use.text} (${found.refused})`;
    if (restructure) addRestructuredCallbackSite(ctx, fn, restructure, scope, sf);
    else if (typeof use === 'object' && !deferArrayParameterCallback(ctx, fn, node, use, scope, sf)) fn.uses.push(use);
  }
  if (ts.isFunctionDeclaration(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) fn.exported = true;
  if (fn.name !== '<arrow function>' && fn.name !== '<function>') ctx.boundNames.add(fn.name.split('.').pop() as string);
  // A parameter with a function type (`fix: Fix`) is a function value too: where it is handed on
  // (`text.replace(re, fix)`, `items.sort(compare)`), its use pins the family it shares with the
  // functions passed for it and the type alias that carries them.
  for (const param of node.parameters) if (ts.isIdentifier(param.name) && functionTypeOf(ctx, param.type, param)) ctx.boundNames.add(param.name.text);
  const inner: Scope = { fn, blocked: undefined, esm: scope.esm };
  // `await` is a syntax error in a parameter list: calls in default values cannot be awaited.
  const inParameters: Scope = { fn: undefined, blocked: { code: 'AM111', text: `a parameter default of ${fn.name}` }, esm: scope.esm };
  ts.forEachChild(node, (c) => visit(ctx, c, ts.isParameter(c) ? inParameters : inner, sf));
}
