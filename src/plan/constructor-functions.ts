/**
 * Constructor functions (the ES5 class pattern, common in CommonJS JavaScript): a `function` that is
 * called with `new`, whose `prototype` is read or assigned (`File.prototype.save = function …`), or
 * that is passed first to `util.inherits`. `new` returns the object the function builds, so the
 * function cannot become async (an async function is not a constructor at all): its sync calls stay,
 * AM101 — the reason that holds, before any use of it as a value (`File.prototype` used to read as
 * "File escapes as a value", `util.inherits(File, Memory)` as "passed to util.inherits()").
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { CallGraph, FnNode } from './call-graph';
import type { PinCause } from './close-over-callers';
import { siteLocation, skipOuter } from './syntax';

/** The function a declaration stands for: `function F`, `var F = function …`, `var F = exports.F = function …`. */
function functionOf(decl: ts.Declaration, byNode: ReadonlyMap<ts.Node, FnNode>): FnNode | undefined {
  if (ts.isFunctionDeclaration(decl) || ts.isFunctionExpression(decl)) return byNode.get(decl);
  let init: ts.Node | undefined = ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
  while (init) {
    init = skipOuter(init);
    if (ts.isBinaryExpression(init) && init.operatorToken.kind === ts.SyntaxKind.EqualsToken) init = init.right;
    else break;
  }
  return init && ts.isFunctionExpression(init) ? byNode.get(init) : undefined;
}

/**
 * Pins (AM101) for the project's constructor functions, each with the first evidence found in the
 * project's files (`new Store() at src/a.js:9`, `Store.prototype at src/a.js:5`, `util.inherits(Store, …)`).
 * @param projectFiles absolute paths of the files scanned
 */
export function constructorFunctionPins(graph: CallGraph, program: ts.Program, checker: ts.TypeChecker, projectFiles: ReadonlySet<string>, cwd: string): { fn: FnNode; cause: PinCause }[] {
  const byNode = new Map<ts.Node, FnNode>(graph.fns.map((fn) => [fn.node, fn]));
  const found = new Map<FnNode, string>();
  const note = (target: ts.Expression, evidence: (name: string) => string, at: ts.Node): void => {
    const id = skipOuter(target);
    if (!ts.isIdentifier(id) && !ts.isPropertyAccessExpression(id)) return;
    let symbol = checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const decl of symbol?.declarations ?? []) {
      const fn = functionOf(decl, byNode);
      if (!fn || fn.isAsync || fn.isGenerator || !fn.editable || found.has(fn)) continue;
      const loc = siteLocation(at);
      found.set(fn, `${evidence(id.getText())} at ${path.relative(cwd, loc.file).split(path.sep).join('/')}:${loc.line}`);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) note(node.expression, (n) => `new ${n}()`, node);
    else if (ts.isPropertyAccessExpression(node) && node.name.text === 'prototype') note(node.expression, (n) => `${n}.prototype`, node);
    else if (ts.isCallExpression(node) && node.arguments.length === 2 && /(^|\.)inherits$/.test(node.expression.getText())) note(node.arguments[0], (n) => `${node.expression.getText()}(${n}, …)`, node);
    ts.forEachChild(node, visit);
  };
  for (const sf of program.getSourceFiles()) if (projectFiles.has(sf.fileName) && /\.[cm]?jsx?$/.test(sf.fileName)) visit(sf);
  return [...found].map(([fn, evidence]) => ({ fn, cause: { code: 'AM101', text: `${fn.name} is a constructor function (${evidence}): the object new returns cannot wait for an async body`, loc: siteLocation(fn.node) } }));
}
