/**
 * Calls the checker cannot see: pins for methods that code outside the call graph may call.
 *
 * The call graph (./call-graph/) knows a call when the checker resolves its callee. In JavaScript,
 * and in TypeScript through `any`, much of it does not resolve: `store.loadSync()` where `store` came
 * from `this.stores[name]`, or a method of an object literal handed to a test framework
 * (`vows.describe(…).addBatch({ topic: function () {…} })`), which calls it itself and uses its return
 * value. Making such a method async would hand those callers a promise they do not await, so before
 * closing over callers, three rules pin methods (a function declared as a class or object-literal
 * member, or assigned to a property, `X.prototype.m = function`):
 *
 * 1. AM109 — a member of an object literal (or a function stored in one by name: `{ topic: setUp }`)
 *    that is passed (directly, or nested in object and array literals) to a function outside the
 *    project: that code calls it, unseen.
 * 2. AM112 — a method, or an exported function, whose name is called through a value of unknown type
 *    somewhere in the project (`x.m()`, `x['m']()`, `x.m.call(…)`, with no symbol for `m`; a module
 *    loaded by proxyquire or a computed `require`): that call may reach it.
 * 3. AM113 — a method of no exported API (exported class, object literal exported as a value) with no call, and no use as a value, that the graph sees:
 *    its callers, if any, are out of sight (a framework, a string-keyed dispatch).
 *
 * Functions declared with a name of their own and called by it (`function f`, `const f = …`) are
 * resolved by the checker in both languages and are not affected.
 */
import { ts } from 'ts-morph';
import { familyOf, type CallGraph, type FnNode } from './call-graph';
import { isCommonJsExportsObject } from './commonjs-exports';
import type { PinCause } from './close-over-callers';
import { propertyNameText, siteLocation, skipOuter } from './syntax';

/** A method-like function's member name, or undefined for a function that is not a member. */
function memberName(fn: FnNode): string | undefined {
  const node = fn.node;
  if (ts.isMethodDeclaration(node)) return propertyNameText(node.name);
  if (!ts.isFunctionExpression(node) && !ts.isArrowFunction(node)) return undefined;
  let outer: ts.Node = node;
  while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (!parent) return undefined;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === outer) return propertyNameText(parent.name);
  if (ts.isBinaryExpression(parent) && parent.right === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuter(parent.left);
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
    if (ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)) return left.argumentExpression.text;
  }
  return undefined;
}

/** The object literal `fn` is a member of, when it is one. */
function enclosingObjectLiteral(fn: FnNode): ts.ObjectLiteralExpression | undefined {
  const node = fn.node;
  if (ts.isMethodDeclaration(node)) return ts.isObjectLiteralExpression(node.parent) ? node.parent : undefined;
  let outer: ts.Node = node;
  while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  return parent && ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) ? parent.parent : undefined;
}

/** Whether `decl` is a function with a body in one of the project's files. */
function isProjectFunction(decl: ts.Declaration, projectFiles: ReadonlySet<string>): boolean {
  if (!projectFiles.has(decl.getSourceFile().fileName)) return false;
  if (ts.isFunctionLike(decl)) return true;
  if (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) {
    const init = decl.initializer && skipOuter(decl.initializer);
    return !!init && (ts.isFunctionExpression(init) || ts.isArrowFunction(init) || ts.isClassExpression(init));
  }
  return ts.isClassDeclaration(decl);
}

/** `Object` functions that hand the object (or its properties) back instead of calling its methods. */
const PASS_THROUGH = new Set(['freeze', 'seal', 'assign', 'create', 'preventExtensions', 'setPrototypeOf']);

/**
 * The call an object literal is handed to, when that callee is not a project function: the literal
 * is an argument of it directly or through enclosing object and array literals.
 */
function externalReceiver(obj: ts.ObjectLiteralExpression, checker: ts.TypeChecker, projectFiles: ReadonlySet<string>): ts.CallExpression | ts.NewExpression | undefined {
  let node: ts.Node = obj;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (ts.isParenthesizedExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) node = parent;
    else if (ts.isPropertyAssignment(parent) && parent.initializer === node) node = parent.parent;
    else break;
  }
  const call = node.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(node as ts.Expression)) return undefined;
  const callee = skipOuter(call.expression);
  // `Object.freeze({ … })`, `Object.assign(x, { … })`: the object comes back (or is copied) for the project's own calls.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && PASS_THROUGH.has(callee.name.text)) return undefined;
  const target = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const inProject = (symbol?.declarations ?? []).some((d) => isProjectFunction(d, projectFiles));
  return inProject ? undefined : call;
}

/**
 * Whether an object literal is exported API: the value (or nested in the value) of an exported
 * variable, `export default`, `module.exports = …` or `exports.x = …`.
 */
function isExportedObject(obj: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = obj;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent) || (ts.isPropertyAssignment(node.parent) && node.parent.initializer === node))) {
    node = ts.isPropertyAssignment(node.parent) ? node.parent.parent : node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isExportAssignment(parent)) return true;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    const statement = parent.parent?.parent;
    return !!statement && ts.isVariableStatement(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuter(parent.left);
    return isCommonJsExportsObject(left) || (ts.isPropertyAccessExpression(left) && isCommonJsExportsObject(left.expression));
  }
  return false;
}

/**
 * Whether `fn` is a method of a class its module exports (`export class`, `export { C }`,
 * `export default C`, or in JavaScript `module.exports = { C }` / `exports.C = C`, which the checker
 * reads as the module's exports): its callers may be outside the project.
 */
function isExportedClassMember(fn: FnNode, checker: ts.TypeChecker): boolean {
  const cls = fn.node.parent;
  if (!cls || !ts.isClassLike(cls)) return false;
  const classSymbol = cls.name ? checker.getSymbolAtLocation(cls.name) : undefined;
  const moduleSymbol = checker.getSymbolAtLocation(cls.getSourceFile());
  if (!classSymbol || !moduleSymbol) return false;
  const resolve = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  return checker.getExportsOfModule(moduleSymbol).some((exported) => {
    const target = resolve(exported);
    if (target === classSymbol) return true;
    // `module.exports = { C }`: the export is a property whose value is the class.
    return (target.declarations ?? []).some((d) => (ts.isShorthandPropertyAssignment(d) || ts.isPropertyAssignment(d)) && checker.getSymbolAtLocation(ts.isShorthandPropertyAssignment(d) ? d.name : d.initializer) === classSymbol);
  });
}

/** A short text for a callee: `addBatch()`, `vows.describe()`, `new Worker()`. */
function calleeLabel(call: ts.CallExpression | ts.NewExpression): string {
  const callee = skipOuter(call.expression);
  const text = ts.isPropertyAccessExpression(callee) ? `${ts.isIdentifier(callee.expression) ? callee.expression.text : '…'}.${callee.name.text}` : ts.isIdentifier(callee) ? callee.text : '…';
  return `${call.kind === ts.SyntaxKind.NewExpression ? 'new ' : ''}${text}()`;
}

/** What one walk over the project's files collects for the rules below (syntax only, no checker). */
interface ProjectScan {
  /** Calls through a member access: the member's name node (`m` of `x.m()`, `x['m']()`, `x.m.call()`) and the call. */
  memberCalls: { nameNode: ts.MemberName | ts.StringLiteralLike; call: ts.CallExpression }[];
  /** Object-literal properties whose value is a name: `{ load: loadConfig }`, `{ loadConfig }`. */
  storedNames: (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[];
}

/** One walk over the project's files (the call graph has walked them already; this pass only collects). */
function scanProject(program: ts.Program, projectFiles: ReadonlySet<string>): ProjectScan {
  const scan: ProjectScan = { memberCalls: [], storedNames: [] };
  const member = (access: ts.Node, call: ts.CallExpression): void => {
    const e = skipOuter(access);
    const nameNode = ts.isPropertyAccessExpression(e) ? e.name : ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression : undefined;
    if (nameNode) scan.memberCalls.push({ nameNode, call });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee) && ['call', 'apply', 'bind'].includes(callee.name.text)) member(callee.expression, node);
      member(callee, node);
    } else if (ts.isShorthandPropertyAssignment(node) || (ts.isPropertyAssignment(node) && ts.isIdentifier(skipOuter(node.initializer)))) scan.storedNames.push(node);
    ts.forEachChild(node, visit);
  };
  for (const sf of program.getSourceFiles()) if (projectFiles.has(sf.fileName)) visit(sf);
  return scan;
}

/**
 * Names called through values of unknown type, with the first such call: `x.m()`, `x['m']()`,
 * `x.m.call(…)` / `.apply(…)` / `.bind(…)` where the checker has no symbol for `m` and the call
 * graph did not resolve the call otherwise (`resolved`). Only names in `wanted` (the candidates'
 * names) are looked up.
 */
function untypedCallNames(scan: ProjectScan, checker: ts.TypeChecker, wanted: ReadonlySet<string>, resolved: ReadonlySet<ts.Node>): Map<string, ts.Node> {
  const names = new Map<string, ts.Node>();
  for (const { nameNode, call } of scan.memberCalls) {
    // A call the call graph resolved some other way (a CommonJS export table) is seen.
    if (resolved.has(call) || !wanted.has(nameNode.text) || names.has(nameNode.text)) continue;
    if (!checker.getSymbolAtLocation(nameNode)) names.set(nameNode.text, call);
  }
  return names;
}

/**
 * Functions stored in object literals under a property name: `{ load: loadConfig }`, `{ loadConfig }`
 * (the name a call on the object uses), when the value resolves to a function of the graph; with
 * the object literal.
 */
function storedUnderNames(graph: CallGraph, scan: ProjectScan, checker: ts.TypeChecker): [FnNode, string, ts.ObjectLiteralExpression][] {
  const byNode = new Map<ts.Node, FnNode>(graph.fns.map((fn) => [fn.node, fn]));
  const found: [FnNode, string, ts.ObjectLiteralExpression][] = [];
  for (const node of scan.storedNames) {
    const name = ts.isShorthandPropertyAssignment(node) ? node.name.text : propertyNameText(node.name);
    if (name === undefined) continue;
    let symbol = ts.isShorthandPropertyAssignment(node) ? checker.getShorthandAssignmentValueSymbol(node) : checker.getSymbolAtLocation(skipOuter(node.initializer));
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const decl of symbol?.declarations ?? []) {
      const init = ts.isVariableDeclaration(decl) && decl.initializer ? skipOuter(decl.initializer) : undefined;
      const fn = byNode.get(decl) ?? (init ? byNode.get(init) : undefined);
      if (fn) found.push([fn, name, node.parent]);
    }
  }
  return found;
}

/**
 * Pins for methods whose callers the graph cannot see (rules in the module docblock).
 * @param graph the call graph (functions with their incoming calls and value uses)
 * @param program the program the graph was built from; only `projectFiles` are read
 * @returns one pin per family at most, with the cause the plan report shows
 */
export function unseenCallerPins(graph: CallGraph, program: ts.Program, checker: ts.TypeChecker, projectFiles: ReadonlySet<string>): { fn: FnNode; cause: PinCause }[] {
  // A method is reached by its member name; an exported function also by its export name
  // (`module.exports = { load }`, then `proxyquire('./config', {}).load()`, which has no type); any
  // function also by the property names it is stored under (`const handlers = { load: loadConfig }`).
  const namesOf = new Map<FnNode, Set<string>>();
  const addName = (fn: FnNode, name: string | undefined): void => {
    if (name === undefined || !fn.hasBody || !fn.editable || fn.isAsync) return;
    const names = namesOf.get(fn) ?? new Set<string>();
    names.add(name);
    namesOf.set(fn, names);
  };
  for (const fn of graph.fns) addName(fn, memberName(fn) ?? (fn.exported && /^[\w$]+$/.test(fn.name) ? fn.name : undefined));
  const storedIn = new Map<FnNode, ts.ObjectLiteralExpression[]>();
  const scan = scanProject(program, projectFiles);
  for (const [fn, name, obj] of storedUnderNames(graph, scan, checker)) {
    addName(fn, name);
    storedIn.set(fn, [...(storedIn.get(fn) ?? []), obj]);
  }
  const candidates = [...namesOf.keys()];
  if (candidates.length === 0) return [];
  const untyped = untypedCallNames(scan, checker, new Set([...namesOf.values()].flatMap((names) => [...names])), new Set(graph.sites.map((site) => site.node)));
  // Family facts: is any member exported, called, or used as a value?
  const seen = new Set<number>();
  for (const fn of graph.fns) if (fn.exported || fn.incoming.length > 0 || fn.uses.length > 0 || !fn.editable) seen.add(familyOf(graph, fn.id));
  const pins: { fn: FnNode; cause: PinCause }[] = [];
  const pinned = new Set<number>();
  const pin = (fn: FnNode, cause: PinCause): void => {
    const family = familyOf(graph, fn.id);
    if (pinned.has(family)) return;
    pinned.add(family);
    pins.push({ fn, cause });
  };
  for (const fn of candidates) {
    const names = [...(namesOf.get(fn) as Set<string>)];
    const obj = enclosingObjectLiteral(fn);
    // Its own object literal, or one it is stored in (`addBatch({ topic: setUp })`).
    const receiver = [obj, ...(storedIn.get(fn) ?? [])].map((o) => o && externalReceiver(o, checker, projectFiles)).find((r) => r !== undefined);
    if (receiver) {
      pin(fn, { code: 'AM109', text: `${fn.name} is a member of an object passed to ${calleeLabel(receiver)}, which the tool cannot see into`, loc: siteLocation(receiver) });
      continue;
    }
    const name = names.find((n) => untyped.has(n));
    const site = name === undefined ? undefined : untyped.get(name);
    if (site) {
      pin(fn, { code: 'AM112', text: `${fn.name} may be called as .${name}() through a value of unknown type, which would not await it`, loc: siteLocation(site) });
      continue;
    }
    if (memberName(fn) !== undefined && !seen.has(familyOf(graph, fn.id)) && !(obj && isExportedObject(obj)) && !isExportedClassMember(fn, checker)) pin(fn, { code: 'AM113', text: `${fn.name} has no call the tool can see (its callers may be out of sight)`, loc: siteLocation(fn.node) });
  }
  return pins;
}
