/**
 * collapse-delegation's project oracle as plain data: for every module specifier a project file
 * imports or requires, the project file it resolves to, and for the exports of those files whether
 * calling them returns a native promise without throwing synchronously (src/core/promise-callees.ts).
 *
 * Built once by propagate-async's `prepare` hook, on the program it already loaded on the original
 * texts (no second load, no reference search), and handed to every transform as
 * `options.promiseCallees` — plain objects, so the engine can copy it to worker threads.
 *
 * Rule (conservative): an export is `{ returnsPromise: true, neverThrowsSync: true }` only when its
 * single declaration is a function declaration, or a `const` initialised with a function expression
 * or arrow, that is declared `async` or that the Plan marks async (an async function returns a native
 * promise on every path and reports its errors as rejections). A non-async function whose signature
 * returns `Promise<T>` gets `{ returnsPromise: true, neverThrowsSync: false }` (it may throw while
 * validating its arguments); overloads, `any`, classes, `let`/`var` bindings and everything else get
 * no entry (unknown).
 */
import * as path from 'path';
import * as ts from 'typescript';
import type { CalleeFacts, PromiseCalleeTable } from '../core/promise-callees';
import type { LoadedProject } from './load-project';
import type { Plan } from '../core/plan';

/**
 * Build the table.
 * @param loaded the project loaded on the original texts (src/plan/load-project.ts)
 * @param plan the Plan made on that project; its `files` keys are relative to `cwd` (or absolute)
 * @param cwd the run's working directory (query paths are resolved against it)
 */
export function buildPromiseCalleeTable(loaded: LoadedProject, plan: Plan, cwd: string): PromiseCalleeTable {
  const madeAsync = new Set<string>();
  for (const [file, fp] of Object.entries(plan.files)) {
    for (const fn of fp.asyncFunctions) madeAsync.add(`${path.resolve(cwd, file)}#${fn.end}`);
  }
  const table: PromiseCalleeTable = { kind: 'promise-callee-table', cwd, imports: {}, exports: {} };
  const described = new Set<string>();
  for (const file of loaded.projectFiles) {
    const sf = loaded.program.getSourceFile(file);
    if (!sf) continue;
    const resolutions: Record<string, string> = {};
    for (const specifier of moduleSpecifiers(sf)) {
      const target = resolveSpecifier(loaded, sf, specifier);
      if (!target || !loaded.projectFiles.has(target)) continue;
      resolutions[specifier.text] = target;
      if (!described.has(target)) {
        described.add(target);
        describeExports(loaded, target, madeAsync, table.exports);
      }
    }
    if (Object.keys(resolutions).length > 0) table.imports[path.resolve(file)] = resolutions;
  }
  return table;
}

/** The string literals naming modules: `import … from 'x'`, `export … from 'x'`, `import x = require('x')`, `require('x')`. */
function moduleSpecifiers(sf: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) found.push(node.expression);
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The absolute file `specifier` resolves to from `sf`: through the checker, else the project's module resolution. */
function resolveSpecifier(loaded: LoadedProject, sf: ts.SourceFile, specifier: ts.StringLiteralLike): string | undefined {
  const declaration = loaded.checker.getSymbolAtLocation(specifier)?.valueDeclaration;
  if (declaration && ts.isSourceFile(declaration)) return path.resolve(declaration.fileName);
  const resolved = ts.resolveModuleName(specifier.text, sf.fileName, loaded.compilerOptions, ts.sys).resolvedModule;
  return resolved ? path.resolve(resolved.resolvedFileName) : undefined;
}

/** Add `<file>#<export>` → facts for each export of `file` the rule can describe. */
function describeExports(loaded: LoadedProject, file: string, madeAsync: ReadonlySet<string>, out: Record<string, CalleeFacts>): void {
  const sf = loaded.program.getSourceFile(file);
  const moduleSymbol = sf && loaded.checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return;
  for (const exported of loaded.checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.escapedName === ts.InternalSymbolName.ExportEquals ? '=' : ts.symbolName(exported);
    const symbol = exported.flags & ts.SymbolFlags.Alias ? loaded.checker.getAliasedSymbol(exported) : exported;
    const facts = describeSymbol(loaded.checker, symbol, madeAsync);
    if (facts) out[`${file}#${name}`] = facts;
  }
}

/** Facts for one exported symbol, or undefined when the rule does not cover it. */
function describeSymbol(checker: ts.TypeChecker, symbol: ts.Symbol, madeAsync: ReadonlySet<string>): CalleeFacts | undefined {
  if (symbol.declarations?.length !== 1) return undefined; // overloads, merged declarations: unknown
  const fn = functionOf(symbol.declarations[0]);
  if (!fn || !fn.body) return undefined;
  const where = path.basename(fn.getSourceFile().fileName);
  if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) {
    return fn.asteriskToken ? undefined : { returnsPromise: true, neverThrowsSync: true, basis: `async function exported from ${where}` };
  }
  if (!fn.asteriskToken && madeAsync.has(`${path.resolve(fn.getSourceFile().fileName)}#${fn.getEnd()}`)) {
    return { returnsPromise: true, neverThrowsSync: true, basis: `function in ${where} that propagate-async makes async` };
  }
  const signature = checker.getSignatureFromDeclaration(fn);
  const returned = signature && checker.getReturnTypeOfSignature(signature);
  if (returned && !(returned.flags & ts.TypeFlags.Any) && returned.getSymbol()?.getName() === 'Promise') {
    return { returnsPromise: true, neverThrowsSync: false, basis: `non-async function in ${where} whose signature returns ${checker.typeToString(returned)}` };
  }
  return undefined;
}

/**
 * The function a declaration binds: a function declaration; a `const` whose initialiser is a function
 * expression or arrow (parentheses allowed); `module.exports = function …` / `exports.f = …` in
 * JavaScript. A `let`/`var` binding may be reassigned, so it does not count.
 */
function functionOf(declaration: ts.Declaration): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  let init: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration)) {
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
    init = declaration.initializer;
  } else if (ts.isBinaryExpression(declaration)) {
    init = declaration.right;
  } else {
    const parent: ts.Node | undefined = declaration.parent;
    if (parent && ts.isBinaryExpression(parent) && parent.left === (declaration as ts.Node)) init = parent.right;
  }
  while (init && ts.isParenthesizedExpression(init)) init = init.expression;
  return init && (ts.isFunctionExpression(init) || ts.isArrowFunction(init)) ? init : undefined;
}
