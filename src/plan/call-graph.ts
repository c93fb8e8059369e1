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
 * Each call expression whose callee resolves to project functions becomes a {@link CallSite} with the
 * context it sits in (can it await? is it already handled as a promise?). Each function used as a
 * value (passed to a receiver, stored, returned) becomes a {@link ValueUse}, classified as
 * promise-aware (may become async) or blocking (pins the function sync). Seeds are collected on the
 * way: rewritable sync fs calls (src/core/fs-api.ts) and `await` in non-async functions.
 *
 * Callee resolution sits behind `resolveCallee` so that another checker (TypeScript 7's API) can
 * replace it later.
 */
import { ts } from 'ts-morph';
import { assignedValue, createCommonJsExportReader, isCommonJsExportsObject, memberAccessName, requiredSourceFile, requireSpecifier, WHOLE_MODULE, type ExportedValue } from './commonjs-exports';
import { rewritableFsCall } from './fs-call';
import { classifyReceiver } from './receivers';
import { isForEachCallback, restructurableArrayCall, restructurableAssertion } from './restructure';
import { hasModifier, isFunctionWithBody, needsAwaitOnReturn, outerParent, PROMISE_COMBINATORS, propertyNameText, siteLocation, skipOuter } from './syntax';
import type { ReasonCodeId } from '../core/reasons';

/** A location in a source file, 1-based line and column, plus offsets. */
export interface SiteLocation {
  file: string;
  line: number;
  column: number;
  start: number;
  end: number;
}

/** One function in the graph. */
export interface FnNode {
  id: number;
  node: ts.Node;
  file: string;
  name: string;
  /** An implementation with a body (else a signature: overload, interface member, abstract, typed property). */
  hasBody: boolean;
  isAsync: boolean;
  isGenerator: boolean;
  /** In a project source file and not ambient: may be edited. */
  editable: boolean;
  /** The annotation that becomes Promise<T>, when written (in JavaScript: the JSDoc `@returns` type). */
  returnType: ts.TypeNode | undefined;
  /** Call sites calling this function. */
  incoming: CallSite[];
  /** Call sites directly in this function's body (not in nested functions). */
  outgoing: CallSite[];
  /** Non-call uses of the function. */
  uses: ValueUse[];
  /** Why this function must be async by itself. */
  seeds: Seed[];
  /** Exported from its module (ES export or CommonJS exports). */
  exported: boolean;
  /** Called implicitly by the language, which ignores promises (`toString`, `valueOf`, `toJSON`, `[Symbol.iterator]`, `[Symbol.toPrimitive]`). */
  implicit: boolean;
}

const IMPLICIT_METHODS = new Set(['toString', 'valueOf', 'toJSON', 'toLocaleString', 'Symbol.iterator', 'Symbol.toPrimitive']);

/** Whether a method (or a property holding a function) is one the language calls implicitly. */
function isImplicitlyCalled(node: ts.Node): boolean {
  const holder = ts.isMethodDeclaration(node) ? node : node.parent && (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) ? node.parent : undefined;
  if (!holder || !holder.name) return false;
  const name = ts.isComputedPropertyName(holder.name) ? holder.name.expression.getText() : ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name) ? holder.name.text : '';
  return IMPLICIT_METHODS.has(name);
}

/** How the value of a call is used. */
export type CallContext =
  /** needs `await` (and an async caller) */
  | 'await'
  /** `return f()` outside try/using: no `await` needed, but the caller now returns a promise */
  | 'return'
  /** already awaited, chained with then/catch/finally, or in Promise.all([...]) */
  | 'handled';

/** A place where `await` cannot go (constructor, accessor, field, CommonJS top level). */
export interface BlockedContext {
  code: ReasonCodeId;
  /** `the constructor of Settings` */
  text: string;
}

/** One call of project functions. */
export interface CallSite {
  /** The call; for `from-async`, the `Array.from(…)` call or the `[...gen()]` array literal it replaces. */
  node: ts.CallExpression | ts.ArrayLiteralExpression;
  loc: SiteLocation;
  /** The function the call is directly in; undefined at module top level or in a blocked context. */
  caller: FnNode | undefined;
  /** Set when the call sits where `await` cannot go. */
  blockedBy: BlockedContext | undefined;
  callees: FnNode[];
  context: CallContext;
  /** Callee as written. */
  calleeText: string;
  /**
   * Set for the call of an array method with an inline callback (`xs.forEach(cb)`, `xs.map(cb)`):
   * when the callback must become async, the call is restructured instead of awaited —
   * `for-of`: the forEach statement becomes a `for…of` loop over the callback's body;
   * `promise-all`: `await Promise.all(xs.map(async cb))`.
   */
  restructure?: RestructureKind;
  /** `sequential-loop`: the type to write on the result variable or temporary, when its evolving type would not type-check. */
  resultType?: string;
}

/**
 * How a call with an inline callback is rewritten when the callback must become async:
 * `for-of` (`xs.forEach(cb)` statement → loop), `promise-all` (`xs.map(cb)` → `await Promise.all(…)`),
 * `promise-all-then` (`xs.filter(cb)` → `await Promise.all(xs.map(cb)).then((settled) =>
 * xs.filter((_item, index) => settled[index]))`, also some/every/find/findIndex/findLast/findLastIndex),
 * `sequential-loop` (`--concurrency=sequential`: map/filter/flatMap/some/every/find/findIndex/findLast/
 * findLastIndex → a `for…of` loop over the callback's body, e.g. `const ys = xs.map((x) => e)` →
 * `const ys = [];` + `for (const x of xs) { ys.push(e); }`, `return xs.some(cb)` → `let someMatch = false;`
 * + loop with `break` + `return someMatch;`; see restructure.ts `sequentialLoop`),
 * `promise-all-flat` (`xs.flatMap(cb)` → `(await Promise.all(xs.map(async cb))).flat()`),
 * `reduce-loop` (`const t = xs.reduce((a, x) => e, init)` → `let t = init;` + `for (const x of xs) { t = e; }`, a → t),
 * `expect-rejects` (`expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)`),
 * `assert-rejects` (`assert.throws(() => f(), e)` → `await assert.rejects(async () => f(), e)`),
 * `for-await` (`for (const x of gen())` → `for await (const x of gen())` when gen becomes an async
 * generator), `yield-star` (`yield* gen()` in a generator that becomes async too: no edit),
 * `from-async` (`--target node22`: `Array.from(gen())`, `Array.from(gen(), syncMapper)` or `[...gen()]`
 * alone → `await Array.fromAsync(gen()[, syncMapper])`).
 */
export type RestructureKind = 'for-of' | 'promise-all' | 'promise-all-flat' | 'promise-all-then' | 'reduce-loop' | 'sequential-loop' | 'expect-rejects' | 'assert-rejects' | 'for-await' | 'yield-star' | 'from-async';

/** A non-call use of a function. */
export interface ValueUse {
  loc: SiteLocation;
  /** undefined: promise-aware receiver (fine). Else the reason code that pins the function. */
  code: ReasonCodeId | undefined;
  /** For a named function: `is passed to arr.sort(), which ignores returned promises`. */
  text: string;
  /** For an inline callback (named after its receiver): `must stay synchronous: arr.sort() ignores returned promises`. */
  callbackText?: string;
}

/** Why a function must become async on its own. */
export interface Seed {
  kind: 'fs' | 'await' | 'user';
  loc: SiteLocation;
  /** `readFileSync`, `await`, `--seed` */
  text: string;
}

/** The graph. */
export interface CallGraph {
  fns: FnNode[];
  sites: CallSite[];
  /** Sync fs calls found inside functions (seeds), for the plan's seedSites / blocked lists. */
  fsSeeds: { fn: FnNode; seed: Seed }[];
  /** Union-find parent per fn id (use {@link familyOf}). */
  parent: number[];
  /**
   * Per project file (absolute path), the functions its CommonJS exports hold, re-exports included
   * (`module.exports = { ...require('./x'), f }`, `Object.assign(module.exports, { f })`): what
   * `--public-api=keep` keeps for a package entry.
   */
  commonJsExports: Map<string, FnNode[]>;
}

/** Options of {@link buildCallGraph}. */
export interface CallGraphOptions {
  /** Absolute paths of the project's own sources. */
  projectFiles: ReadonlySet<string>;
  /**
   * The files being migrated (the FileMap); default: every project file. Project files outside it
   * (callers the tsconfig includes but the run does not edit) are analysed but never changed: their
   * functions and top-level calls pin what they call (AM108).
   */
  editableFiles?: ReadonlySet<string>;
  /** Whether top-level `await` is allowed in a file (ES module). */
  isEsModule(file: string): boolean;
  /** `fsModules` option: extra modules with Node's fs API. */
  fsModules?: readonly string[];
  /** `parallel` (default): map → `Promise.all`; `sequential`: map/filter/flatMap/some/every/find… → `for…of` loops (declared, returned or assigned results). */
  concurrency?: 'parallel' | 'sequential';
  /** `node20` (default) or `node22` (`Array.fromAsync` may consume async generators: `Array.from(gen())`, `[...gen()]`). */
  target?: 'node20' | 'node22';
  /** Receivers the user says handle returned promises (`--allow-callbacks`): method names or whole callees. */
  allowCallbacks?: readonly string[];
}

/** The family representative of a function. */
export function familyOf(graph: CallGraph, id: number): number {
  let r = id;
  while (graph.parent[r] !== r) r = graph.parent[r];
  let i = id;
  while (graph.parent[i] !== r) {
    const next = graph.parent[i];
    graph.parent[i] = r;
    i = next;
  }
  return r;
}

/** How the value of `call` is used: awaited already, returned, or needing `await`. */
function classifyCallContext(call: ts.CallExpression): CallContext {
  const { node, parent } = outerParent(call);
  if (!parent) return 'await';
  if (ts.isAwaitExpression(parent)) return 'handled';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ['then', 'catch', 'finally'].includes(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return 'handled';
  if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent)) {
    const callee = parent.parent.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && PROMISE_COMBINATORS.has(callee.name.text)) return 'handled';
  }
  if (ts.isArrowFunction(parent) && parent.body === node && isForEachCallback(parent)) return 'await'; // becomes a loop body
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return needsAwaitOnReturn(parent) ? 'await' : 'return';
  return 'await';
}

/**
 * Build the call graph of the project's own source files in one pass.
 * @param program the program (all files, typings included); only `options.projectFiles` are walked.
 */
export function buildCallGraph(program: ts.Program, checker: ts.TypeChecker, options: CallGraphOptions): CallGraph {
  const graph: CallGraph = { fns: [], sites: [], fsSeeds: [], parent: [], commonJsExports: new Map() };
  const commonJs = createCommonJsExportReader(checker);
  const byNode = new Map<ts.Node, FnNode>();
  const bySymbol = new Map<ts.Symbol, FnNode[]>();
  const boundNames = new Set<string>();
  /** Callbacks whose concise body becomes a loop statement (`--concurrency=sequential`). */
  const inlinedBodies = new Set<FnNode>();
  const valueIdentifiers: { id: ts.Identifier; file: string }[] = [];
  const fsModules = options.fsModules ?? [];
  const allowedReceivers = new Set(options.allowCallbacks ?? []);

  const locOf = siteLocation;

  const union = (a: FnNode, b: FnNode) => {
    const ra = familyOf(graph, a.id);
    const rb = familyOf(graph, b.id);
    if (ra !== rb) graph.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const nameOf = (node: ts.Node): string => {
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
  };

  const fnFor = (node: ts.Node, returnType?: ts.TypeNode): FnNode => {
    let fn = byNode.get(node);
    if (fn) return fn;
    const sf = node.getSourceFile();
    const hasBody = isFunctionWithBody(node);
    const ambient = (sf.isDeclarationFile || hasModifier(node, ts.SyntaxKind.DeclareKeyword)) ?? false;
    fn = {
      id: graph.fns.length,
      node,
      file: sf.fileName,
      name: nameOf(node),
      hasBody,
      isAsync: hasModifier(node, ts.SyntaxKind.AsyncKeyword),
      isGenerator: !!(node as ts.FunctionLikeDeclarationBase).asteriskToken,
      editable: options.projectFiles.has(sf.fileName) && (options.editableFiles?.has(sf.fileName) ?? true) && !ambient,
      returnType: returnType ?? (node as ts.SignatureDeclarationBase).type ?? (sf.fileName.match(/\.[cm]?jsx?$/) ? ts.getJSDocReturnType(node) : undefined),
      incoming: [],
      outgoing: [],
      uses: [],
      seeds: [],
      exported: false,
      implicit: isImplicitlyCalled(node),
    };
    graph.fns.push(fn);
    graph.parent.push(fn.id);
    byNode.set(node, fn);
    return fn;
  };

  /**
   * The function type a type annotation stands for, and the node that owns it: the annotation itself
   * (`(f: string) => string`), or a project type alias of one (`type Loader = (f: string) => string`),
   * whose users then change together (they share the alias's return type).
   */
  const functionTypeOf = (type: ts.TypeNode | undefined, owner: ts.Node): { owner: ts.Node; fnType: ts.FunctionTypeNode } | undefined => {
    if (!type) return undefined;
    if (ts.isFunctionTypeNode(type)) return { owner, fnType: type };
    if (!ts.isTypeReferenceNode(type)) return undefined;
    let symbol = checker.getSymbolAtLocation(ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.right);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const alias = symbol?.declarations?.find(ts.isTypeAliasDeclaration);
    if (!alias || !ts.isFunctionTypeNode(alias.type) || !options.projectFiles.has(alias.getSourceFile().fileName)) return undefined;
    return { owner: alias, fnType: alias.type };
  };

  /** The graph functions a declaration stands for (a function, or a variable/property holding one). */
  const fnsForDeclaration = (decl: ts.Declaration, depth: number): FnNode[] => {
    if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) return [fnFor(decl)];
    if (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl)) {
      // `var f = exports.f = function …`: the last value of an assignment chain.
      const init = 'initializer' in decl && decl.initializer ? assignedValue(decl.initializer) : undefined;
      const annotated = ts.isPropertyAssignment(decl) ? undefined : functionTypeOf(decl.type, decl);
      // `const f: () => T = () => …` (or `: Loader`, an alias of one): the annotation changes with the function.
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return annotated ? [fnFor(init), fnFor(annotated.owner, annotated.fnType.type)] : [fnFor(init)];
      if (init && ts.isIdentifier(init) && depth < 4) return fnsForSymbol(checker.getSymbolAtLocation(init), depth + 1);
      // `const load = api.load`, `{ load: utils.file }`: the member it names.
      if (init && (ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init)) && depth < 4) {
        const member = resolveCallee(init);
        if (member.length > 0) return member;
      }
      // `const m = require('./m')`, `const f = require('./m').f` the checker could not follow.
      const required = init && ts.isVariableDeclaration(decl) && depth < 4 ? fnsForRequired(init, depth) : undefined;
      if (required) return required;
      const declType = ts.isPropertyAssignment(decl) ? undefined : decl.type;
      if (annotated) return [fnFor(annotated.owner, annotated.fnType.type)];
      // `x: typeof f` (or `x?: typeof f`) calls f's family.
      if (declType && ts.isTypeQueryNode(declType) && depth < 4) return fnsForSymbol(checker.getSymbolAtLocation(ts.isIdentifier(declType.exprName) ? declType.exprName : declType.exprName.right), depth + 1);
      return [];
    }
    // `function run(cb: () => T)`: calls of `cb` inside, and the functions passed for it, are one family.
    if (ts.isParameter(decl)) {
      const typed = functionTypeOf(decl.type, decl);
      return typed ? [fnFor(typed.owner, typed.fnType.type)] : [];
    }
    if (ts.isShorthandPropertyAssignment(decl) && depth < 4) return fnsForSymbol(checker.getShorthandAssignmentValueSymbol(decl), depth + 1);
    // `import { f } from './cjs'`, `import f from './cjs'`, `import f = require('./cjs')` of a CommonJS
    // module the checker cannot follow (Object.assign(module.exports, …)): its export table.
    if (ts.isImportSpecifier(decl) && depth < 4) return fnsForModuleMember(importedSourceFile(decl), (decl.propertyName ?? decl.name).text, depth);
    if ((ts.isImportClause(decl) || ts.isImportEqualsDeclaration(decl)) && depth < 4) return fnsForModuleMember(importedSourceFile(decl), WHOLE_MODULE, depth);
    // `const { f, g: h } = require('./m')` (a CommonJS module's export table) or `= obj` (a property of its type).
    if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent) && !decl.dotDotDotToken && depth < 4) {
      const key = decl.propertyName ? propertyNameText(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
      if (key === undefined) return [];
      const holder = decl.parent.parent;
      if (ts.isVariableDeclaration(holder) && holder.initializer && requireSpecifier(holder.initializer)) return fnsForModuleMember(requiredSourceFile(checker, holder.initializer), key, depth);
      const prop = checker.getTypeAtLocation(decl.parent).getProperty(key);
      return prop ? fnsForSymbol(prop, depth + 1) : [];
    }
    if (ts.isExportAssignment(decl)) {
      const e = skipOuter(decl.expression);
      if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return [fnFor(e)];
      if (ts.isIdentifier(e) && depth < 4) return fnsForSymbol(checker.getSymbolAtLocation(e), depth + 1);
      return [];
    }
    const assignment = ts.isBinaryExpression(decl) ? decl : (ts.isPropertyAccessExpression(decl) || ts.isElementAccessExpression(decl)) && ts.isBinaryExpression(decl.parent) && decl.parent.left === decl ? decl.parent : undefined;
    if (assignment && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const right = assignedValue(assignment.right);
      if (ts.isArrowFunction(right) || ts.isFunctionExpression(right)) return [fnFor(right)];
      if (ts.isIdentifier(right) && depth < 4) return fnsForSymbol(checker.getSymbolAtLocation(right), depth + 1);
      // `exports.readText = utils.file`
      if ((ts.isPropertyAccessExpression(right) || ts.isElementAccessExpression(right)) && depth < 4) return resolveCallee(right);
    }
    return [];
  };

  /** Every graph function a symbol stands for, merged into one family. */
  function fnsForSymbol(symbol: ts.Symbol | undefined, depth = 0): FnNode[] {
    if (!symbol) return [];
    if (symbol.flags & ts.SymbolFlags.Alias) {
      // An alias the checker cannot follow (`const { f } = require('./m')` where m fills its exports
      // with Object.assign) resolves to the unknown symbol: its own declaration is read instead.
      const target = checker.getAliasedSymbol(symbol);
      if (target.declarations?.length) symbol = target;
    }
    const cached = bySymbol.get(symbol);
    if (cached) return cached;
    bySymbol.set(symbol, []); // cycle guard
    const fns = (symbol.declarations ?? []).flatMap((d) => fnsForDeclaration(d, depth));
    for (let i = 1; i < fns.length; i++) union(fns[0], fns[i]);
    bySymbol.set(symbol, fns);
    return fns;
  }

  /** The CommonJS module `receiver` stands for: `exports`/`module.exports` (its own file), `require('./m')`, or a name bound to one. */
  const commonJsModuleOf = (receiver: ts.Expression): ts.SourceFile | undefined => {
    const r = skipOuter(receiver);
    if (isCommonJsExportsObject(r)) return r.getSourceFile();
    if (requireSpecifier(r)) return requiredSourceFile(checker, r);
    if (!ts.isIdentifier(r)) return undefined;
    const decl = checker.getSymbolAtLocation(r)?.declarations?.[0];
    if (decl && (ts.isNamespaceImport(decl) || ts.isImportClause(decl) || ts.isImportEqualsDeclaration(decl))) return importedSourceFile(decl); // import * as m / import m from / import m = require('./cjs')
    return decl && ts.isVariableDeclaration(decl) && decl.initializer && requireSpecifier(decl.initializer) ? requiredSourceFile(checker, decl.initializer) : undefined;
  };

  /** The source file an ES import (`import … from './m'`, `import m = require('./m')`) loads. */
  function importedSourceFile(decl: ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport | ts.ImportEqualsDeclaration): ts.SourceFile | undefined {
    let specifier: ts.Expression | undefined;
    if (ts.isImportEqualsDeclaration(decl)) specifier = ts.isExternalModuleReference(decl.moduleReference) ? decl.moduleReference.expression : undefined;
    else {
      const importDecl = ts.isImportSpecifier(decl) ? decl.parent.parent.parent : ts.isImportClause(decl) ? decl.parent : decl.parent.parent;
      specifier = importDecl.moduleSpecifier;
    }
    const target = specifier && checker.getSymbolAtLocation(specifier)?.valueDeclaration;
    return target && ts.isSourceFile(target) ? target : undefined;
  }

  const moduleMemberCache = new Map<string, FnNode[]>();
  /** The graph functions a CommonJS module exports under `name` ({@link WHOLE_MODULE}: `module.exports = f`), one family. */
  function fnsForModuleMember(sf: ts.SourceFile | undefined, name: string, depth = 0): FnNode[] {
    if (!sf || depth >= 4) return [];
    const key = `${sf.fileName}\u0000${name}`;
    const cached = moduleMemberCache.get(key);
    if (cached) return cached;
    moduleMemberCache.set(key, []); // cycle guard
    const fns = (commonJs.exportsOf(sf).get(name) ?? []).flatMap((v) => fnsForExportedValue(v, depth + 1));
    for (let i = 1; i < fns.length; i++) union(fns[0], fns[i]);
    moduleMemberCache.set(key, fns);
    return fns;
  }

  /** `require('./m')` (what `module.exports` holds) or `require('./m').f`; undefined when `e` is neither. */
  function fnsForRequired(e: ts.Expression, depth: number): FnNode[] | undefined {
    const n = skipOuter(e);
    if (requireSpecifier(n)) return fnsForModuleMember(requiredSourceFile(checker, n), WHOLE_MODULE, depth);
    const name = memberAccessName(n);
    const receiver = (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && requireSpecifier(n.expression) ? n.expression : undefined;
    return receiver && name !== undefined ? fnsForModuleMember(requiredSourceFile(checker, receiver), name, depth) : undefined;
  }

  /**
   * The object literal a name or property was initialised with (`const handlers = { … }`), read when
   * its declared type has only an index signature (`Record<string, Handler>`) or none.
   */
  const objectLiteralBehind = (e: ts.Expression): ts.ObjectLiteralExpression | undefined => {
    const n = skipOuter(e);
    const target = ts.isPropertyAccessExpression(n) ? n.name : ts.isIdentifier(n) ? n : undefined;
    const decl = target && checker.getSymbolAtLocation(target)?.valueDeclaration;
    const init = decl && (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertyAssignment(decl)) && decl.initializer ? assignedValue(decl.initializer) : undefined;
    return init && ts.isObjectLiteralExpression(init) ? init : undefined;
  };

  /** The graph functions an object literal holds: every member, or the one named `name`. */
  const fnsForObjectMembers = (obj: ts.ObjectLiteralExpression, name?: string): FnNode[] =>
    obj.properties.flatMap((p) => {
      if (name !== undefined && propertyNameText(p.name) !== name) return [];
      if (ts.isMethodDeclaration(p) && p.body) return [fnFor(p)];
      if (ts.isPropertyAssignment(p)) return fnsForExportedValue(p.initializer);
      if (ts.isShorthandPropertyAssignment(p)) return fnsForExportedValue(p);
      return [];
    });

  /**
   * `obj.name` / `obj['name']` where the checker has no declaration for the property: what the
   * CommonJS export table of the module `obj` stands for holds (`Object.assign(module.exports, …)`),
   * else the member of the object literal `obj` was initialised with.
   */
  const fnsForMemberOf = (receiver: ts.Expression, name: string): FnNode[] => {
    const viaModule = fnsForModuleMember(commonJsModuleOf(receiver), name);
    if (viaModule.length > 0) return viaModule;
    const obj = objectLiteralBehind(receiver);
    return obj ? fnsForObjectMembers(obj, name) : [];
  };

  /**
   * `obj['load']`, `this[name]` with `const name = 'load'` (a key of literal type, or a union of them:
   * every member it names). `computed` when the key's value is unknown (`this[op]` with `op: string`).
   */
  const resolveElementAccess = (callee: ts.ElementAccessExpression): { fns: FnNode[]; computed: boolean } => {
    const key = skipOuter(callee.argumentExpression);
    const keys: string[] = [];
    const literal = ts.isStringLiteralLike(key) || ts.isNumericLiteral(key);
    if (literal) keys.push(key.text);
    else {
      const type = checker.getTypeAtLocation(key);
      for (const part of type.isUnion() ? type.types : [type]) {
        if (part.isStringLiteral()) keys.push(part.value);
        else if (part.isNumberLiteral()) keys.push(String(part.value));
        else return { fns: [], computed: true };
      }
    }
    const objectType = checker.getApparentType(checker.getTypeAtLocation(callee.expression));
    const fns = keys.flatMap((k) => {
      const prop = (literal ? checker.getSymbolAtLocation(key) : undefined) ?? objectType.getProperty(k);
      return prop?.declarations?.length ? fnsForSymbol(prop) : fnsForMemberOf(callee.expression, k);
    });
    return { fns, computed: false };
  };

  /**
   * Resolve a callee expression to graph functions (the one place the checker resolves calls):
   * names, `obj.f`, `obj['f']`; CommonJS members the checker cannot follow through the module's
   * export table.
   */
  const resolveCallee = (callee: ts.Expression): FnNode[] => {
    if (ts.isElementAccessExpression(callee)) return resolveElementAccess(callee).fns;
    const target = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    if (!target) return [];
    const symbol = checker.getSymbolAtLocation(target);
    // `f.call(this, x)`, `Base.prototype.m.apply(this, args)`: a call of f (Function.prototype's method, from the lib).
    if (ts.isPropertyAccessExpression(callee) && isCallOrApply(callee)) {
      const inner = resolveCallee(skipOuter(callee.expression) as ts.Expression);
      if (inner.length > 0 || symbol) return inner;
    }
    if (ts.isPropertyAccessExpression(callee) && !symbol?.declarations?.length) return fnsForMemberOf(callee.expression, callee.name.text);
    return fnsForSymbol(symbol);
  };

  /**
   * `x.call` / `x.apply` where the checker resolves the name to the lib's Function method, or has no
   * symbol for it (`Base.prototype.m.call(this)` in JavaScript, where `m`'s type is not inferred).
   */
  function isCallOrApply(access: ts.PropertyAccessExpression): boolean {
    if (access.name.text !== 'call' && access.name.text !== 'apply') return false;
    const decls = checker.getSymbolAtLocation(access.name)?.declarations ?? [];
    return decls.every((d) => d.getSourceFile().isDeclarationFile && !options.projectFiles.has(d.getSourceFile().fileName));
  }

  /**
   * `obj[key]()` with a key whose value the tool cannot know: every project function `obj` holds (the
   * properties of its type; for a CommonJS module object, its export table) may be the callee, so each
   * gets a use that pins it (AM325) — unless the call's value is awaited or handled already.
   */
  const pinComputedCallees = (call: ts.CallExpression, callee: ts.ElementAccessExpression, sf: ts.SourceFile) => {
    if (classifyCallContext(call) === 'handled') return;
    const candidates = new Set<FnNode>();
    const objectType = checker.getApparentType(checker.getTypeAtLocation(callee.expression));
    for (const prop of objectType.getProperties()) {
      if (!(prop.declarations ?? []).some((d) => options.projectFiles.has(d.getSourceFile().fileName))) continue;
      for (const fn of fnsForSymbol(prop)) candidates.add(fn);
    }
    const module = commonJsModuleOf(callee.expression);
    if (module) for (const [name, values] of commonJs.exportsOf(module)) if (name !== WHOLE_MODULE) for (const v of values) for (const fn of fnsForExportedValue(v)) candidates.add(fn);
    // `const handlers: Record<string, Handler> = { … }`: the type names no member, the initialiser does.
    const obj = objectLiteralBehind(callee.expression);
    if (obj) for (const fn of fnsForObjectMembers(obj)) candidates.add(fn);
    const loc = locOf(call, sf);
    const text = `${callee.getText(sf)}()`;
    for (const fn of candidates) fn.uses.push({ loc, code: 'AM325', text: `may be the callee of ${text}, whose computed key the tool cannot resolve` });
  };

  /** Merge a class's members with the same-named members of its base classes and interfaces. */
  const linkClassFamilies = (cls: ts.ClassLikeDeclaration) => {
    const heritageTypes: ts.Type[] = [];
    for (const clause of cls.heritageClauses ?? []) for (const t of clause.types) heritageTypes.push(checker.getTypeAtLocation(t));
    if (heritageTypes.length === 0) return;
    for (const member of cls.members) {
      if (hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
      const name = propertyNameText(member.name);
      if (!name) continue;
      const own = ts.isMethodDeclaration(member) ? [fnFor(member)] : ts.isPropertyDeclaration(member) ? fnsForDeclaration(member, 0) : [];
      if (own.length === 0) continue;
      for (const t of heritageTypes) {
        const prop = checker.getPropertyOfType(t, name);
        for (const other of fnsForSymbol(prop)) union(own[0], other);
      }
    }
  };

  /** Merge object-literal methods with the members of the interface the literal is typed by. */
  const linkObjectLiteralFamilies = (obj: ts.ObjectLiteralExpression) => {
    const members = obj.properties.filter((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && (ts.isArrowFunction(skipOuter(p.initializer)) || ts.isFunctionExpression(skipOuter(p.initializer)))));
    if (members.length === 0) return;
    const contextual = checker.getContextualType(obj);
    if (!contextual) return;
    for (const member of members) {
      const name = propertyNameText(member.name);
      if (!name) continue;
      const own = fnsForDeclaration(member as ts.Declaration, 0);
      const prop = contextual.getProperty(name);
      if (own.length > 0) for (const other of fnsForSymbol(prop)) union(own[0], other);
    }
  };

  /** Classify a function used as a value at `valueNode` (its outermost wrapper is looked at). */
  const classifyValueUse = (valueNode: ts.Node, sf: ts.SourceFile, own?: FnNode[]): ValueUse | 'bound' | 'iife' => {
    // `utils.file` in `exports.readText = utils.file`: the member access is the value.
    const member = valueNode.parent && ts.isPropertyAccessExpression(valueNode.parent) && valueNode.parent.name === valueNode ? valueNode.parent : valueNode;
    const { node, parent } = outerParent(member);
    const loc = locOf(valueNode, sf);
    if (!parent) return { loc, code: 'AM109', text: 'escapes as a value' };
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === node) return 'bound';
    if (ts.isExportAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) return 'bound';
    if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(parent.left) || (ts.isElementAccessExpression(parent.left) && memberAccessName(parent.left) !== undefined))) return 'bound';
    if (ts.isCallExpression(parent) && parent.expression === node) return 'iife';
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
      const receiver = classifyReceiver(parent, allowedReceivers, own?.[0]?.node, checker);
      if (receiver.kind === 'promise-aware') return { loc, code: undefined, text: `is passed to ${receiver.receiver}` };
      if (receiver.kind === 'sync-only' && receiver.code === 'AM114') return { loc, code: receiver.code, text: `is a test callback of ${receiver.receiver} that takes a done callback`, callbackText: `must stay synchronous: it takes a done callback, and ${receiver.receiver} rejects a test that also returns a promise` };
      if (receiver.kind === 'sync-only') return { loc, code: receiver.code, text: `is passed to ${receiver.receiver}, which ignores returned promises`, callbackText: `must stay synchronous: ${receiver.receiver} ignores returned promises` };
      if (receiver.kind === 'array-method') return { loc, code: 'AM320', text: `is passed to ${receiver.receiver}, whose callback would need restructuring`, callbackText: `would need restructuring, not just async` };
      // Passed to a project function whose parameter has a function type: same family as the parameter.
      if (own && ts.isCallExpression(parent)) {
        const index = parent.arguments.indexOf(node as ts.Expression);
        const target = resolveCallee(skipOuter(parent.expression) as ts.Expression).find((f) => f.hasBody && f.editable);
        const param = target && (target.node as ts.SignatureDeclarationBase).parameters?.[index];
        if (param && !param.dotDotDotToken && functionTypeOf(param.type, param)) {
          for (const p of fnsForDeclaration(param, 0)) for (const o of own) union(o, p);
          return 'bound';
        }
      }
      const contextual = checker.getContextualType(node as ts.Expression);
      const acceptsPromise = contextual?.getCallSignatures().some((s) => /\bPromise</.test(checker.typeToString(s.getReturnType()))) ?? false;
      if (acceptsPromise) return { loc, code: undefined, text: `is passed to ${receiver.receiver}, whose parameter accepts a promise-returning function` };
      return { loc, code: 'AM109', text: `is passed to ${receiver.receiver}, which the tool cannot see into`, callbackText: `is passed to ${receiver.receiver}, which the tool cannot see into` };
    }
    return { loc, code: 'AM109', text: 'escapes as a value' };
  };

  type Ctx = { fn: FnNode | undefined; blocked: BlockedContext | undefined; esm: boolean };

  /**
   * `--target node22`: the node that becomes `await Array.fromAsync(gen())` when the generator call
   * `outer` becomes async — `Array.from(gen())`, `Array.from(gen(), mapFn)` with a sync inline mapper
   * (Array.fromAsync awaits what the mapper returns, so a mapper returning a promise-like would change
   * meaning), or `[...gen()]` with the spread as the literal's only element — or why it cannot (AM110).
   */
  const fromAsyncSite = (outer: ts.Node, parent: ts.Node | undefined, sf: ts.SourceFile): ts.CallExpression | ts.ArrayLiteralExpression | string | undefined => {
    if (!parent) return undefined;
    if (ts.isCallExpression(parent) && parent.arguments[0] === outer && parent.expression.getText(sf) === 'Array.from') {
      if (parent.arguments.length === 1) return parent;
      const mapper = parent.arguments.length === 2 ? skipOuter(parent.arguments[1]) : undefined;
      if (!mapper || !(ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper)) || hasModifier(mapper, ts.SyntaxKind.AsyncKeyword) || mapper.asteriskToken) return 'is consumed by Array.from with a thisArg or a mapper that is not an inline function (--target node22 rewrites only Array.from(gen()) and Array.from(gen(), inline sync mapper))';
      const signature = checker.getSignatureFromDeclaration(mapper);
      const returns = signature && checker.getReturnTypeOfSignature(signature);
      const promiseLike = !returns || (returns.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || (returns.isUnion() ? returns.types : [returns]).some((t) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Object | ts.TypeFlags.TypeParameter)) !== 0 && !!checker.getPropertyOfType(checker.getApparentType(t), 'then'));
      if (promiseLike) return 'is consumed by Array.from with a mapper that may return a promise-like, which Array.fromAsync would await (--target node22)';
      return parent;
    }
    if (ts.isSpreadElement(parent) && parent.expression === outer) {
      const literal = parent.parent;
      if (ts.isArrayLiteralExpression(literal) && literal.elements.length === 1) return literal;
      return ts.isArrayLiteralExpression(literal)
        ? 'is spread into an array literal with other elements, which an async generator cannot be (--target node22 rewrites only [...gen()] alone)'
        : 'is spread into call arguments, which an async generator cannot be (--target node22 rewrites only [...gen()] alone)';
    }
    return undefined;
  };

  const visitCall = (call: ts.CallExpression, ctx: Ctx, sf: ts.SourceFile) => {
    const callee = skipOuter(call.expression);
    if (ctx.fn && !ctx.fn.isAsync) {
      const api = rewritableFsCall(call, checker, fsModules);
      if (api) {
        const seed: Seed = { kind: 'fs', loc: locOf(call, sf), text: api.sync };
        ctx.fn.seeds.push(seed);
        graph.fsSeeds.push({ fn: ctx.fn, seed });
      }
    }
    let callees: FnNode[];
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) callees = [fnFor(callee)];
    else if (ts.isElementAccessExpression(callee)) {
      const resolved = resolveElementAccess(callee);
      if (resolved.computed) return pinComputedCallees(call, callee, sf);
      callees = resolved.fns;
    } else callees = resolveCallee(callee as ts.Expression);
    if (callees.length === 0) return;
    const blockedBy = ctx.blocked ?? (!ctx.fn && !ctx.esm ? { code: 'AM104', text: 'the CommonJS top level' } : undefined);
    const calleeText = ts.isArrowFunction(callee) || ts.isFunctionExpression(callee) ? 'an IIFE' : callee.getText(sf);
    let context = classifyCallContext(call);
    if (context === 'return' && ctx.fn && inlinedBodies.has(ctx.fn)) context = 'await'; // the body becomes a loop statement
    let restructure: RestructureKind | undefined;
    let siteNode: ts.CallExpression | ts.ArrayLiteralExpression = call;
    if (callees.some((c) => c.isGenerator)) {
      // A generator call returns an iterator: only `for…of` (→ `for await…of`) and `yield*` (in a
      // generator that becomes async too) can consume an async generator; under --target node22 also
      // `Array.from(gen())` / `Array.from(gen(), syncMapper)` and `[...gen()]` (→ `await Array.fromAsync(gen())`).
      const { node: outer, parent } = outerParent(call);
      const fromAsync = options.target === 'node22' ? fromAsyncSite(outer, parent, sf) : undefined;
      if (parent && ts.isForOfStatement(parent) && parent.expression === outer && !parent.awaitModifier) restructure = 'for-await';
      else if (parent && ts.isYieldExpression(parent) && parent.asteriskToken) restructure = 'yield-star';
      else if (fromAsync && typeof fromAsync !== 'string') {
        restructure = 'from-async';
        siteNode = fromAsync;
      } else {
        const why = typeof fromAsync === 'string' ? fromAsync : 'is consumed synchronously (spread, Array.from, .next(), stored), which an async generator cannot be';
        for (const c of callees) c.uses.push({ loc: locOf(call, sf), code: 'AM110', text: why });
        return;
      }
      context = 'await';
    }
    const site: CallSite = { node: siteNode, loc: locOf(siteNode, sf), caller: blockedBy ? undefined : ctx.fn, blockedBy, callees, context, calleeText, restructure };
    graph.sites.push(site);
    for (const c of callees) c.incoming.push(site);
    if (site.caller) site.caller.outgoing.push(site);
  };

  const isValuePosition = (id: ts.Identifier): boolean => {
    const p = id.parent;
    if (!p) return false;
    // The CommonJS `exports` object (or `module` of `module.exports`), whose symbol stands for the exports it receives: no function value.
    if (isCommonJsExportsObject(id) || (ts.isPropertyAccessExpression(p) && p.expression === id && isCommonJsExportsObject(p))) return false;
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === id) return ts.isNewExpression(p);
    if (ts.isPropertyAccessExpression(p)) {
      if (p.expression === id) {
        // f.call(…), f.apply(…) are calls of f; f.bind, f.x: the function escapes
        const { node: outer, parent } = outerParent(p);
        return !(parent && ts.isCallExpression(parent) && parent.expression === outer && isCallOrApply(p));
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
  };

  /**
   * The graph functions one exported value stands for: an inline function or method, a name bound to
   * one (`{ f }` included), `require('./m')` or `require('./m').f`.
   */
  function fnsForExportedValue(value: ExportedValue, depth = 0): FnNode[] {
    if (ts.isShorthandPropertyAssignment(value)) return fnsForSymbol(checker.getShorthandAssignmentValueSymbol(value), depth);
    const e = skipOuter(value);
    if (isFunctionWithBody(e)) return [fnFor(e)];
    if (ts.isIdentifier(e)) return fnsForSymbol(checker.getSymbolAtLocation(e), depth);
    const required = ts.isExpression(e) && depth < 4 ? fnsForRequired(e, depth) : undefined;
    if (required) return required;
    // `exports.load = api.load`, `module.exports.f = helpers['f']`: the member it names.
    return ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? resolveCallee(e) : [];
  }

  /**
   * CommonJS exports are exported API too: `module.exports = f`, `module.exports = { f, g: …, h() {} }`,
   * `module.exports.f = …` and `exports.f = …` (an inline function or a name bound to one).
   */
  const markCommonJsExports = (assignment: ts.BinaryExpression): void => {
    const left = skipOuter(assignment.left) as ts.Expression;
    const right = skipOuter(assignment.right) as ts.Expression;
    let fns: FnNode[] = [];
    if (isCommonJsExportsObject(left) && !ts.isIdentifier(left)) {
      if (ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isMethodDeclaration(p) && p.body) fns.push(fnFor(p));
          else if (ts.isPropertyAssignment(p)) fns.push(...fnsForExportedValue(p.initializer));
          else if (ts.isShorthandPropertyAssignment(p)) fns.push(...fnsForSymbol(checker.getShorthandAssignmentValueSymbol(p)));
        }
      } else fns = fnsForExportedValue(right);
    } else if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && memberAccessName(left) !== undefined && isCommonJsExportsObject(left.expression)) fns = fnsForExportedValue(right);
    for (const fn of fns) fn.exported = true;
  };

  const visit = (node: ts.Node, ctx: Ctx, sf: ts.SourceFile): void => {
    if (isFunctionWithBody(node)) {
      const fn = fnFor(node);
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const use = classifyValueUse(node, sf, [fn]);
        const found = typeof use !== 'object' ? undefined : use.code === 'AM320' ? restructurableArrayCall(node, checker, { concurrency: options.concurrency, compilerOptions: program.getCompilerOptions() }) : use.code === 'AM109' ? restructurableAssertion(node) : undefined;
        const restructure = found && 'kind' in found ? found : undefined;
        if (found && 'refused' in found && typeof use === 'object') use.callbackText = `${use.callbackText ?? use.text} (${found.refused})`;
        if (restructure?.kind === 'sequential-loop' || restructure?.kind === 'reduce-loop') inlinedBodies.add(fn);
        if (restructure) {
          // The array call stands for a call of the callback in the enclosing function.
          const call = restructure.call;
          const blockedBy = ctx.blocked ?? (!ctx.fn && !ctx.esm ? { code: 'AM104', text: 'the CommonJS top level' } : undefined);
          const site: CallSite = { node: call, loc: locOf(call, sf), caller: blockedBy ? undefined : ctx.fn, blockedBy, callees: [fn], context: 'await', calleeText: call.expression.getText(sf), restructure: restructure.kind };
          const resultType = (restructure as { resultType?: string }).resultType;
          if (resultType) site.resultType = resultType;
          graph.sites.push(site);
          fn.incoming.push(site);
          if (site.caller) site.caller.outgoing.push(site);
        } else if (typeof use === 'object') fn.uses.push(use);
      }
      if (ts.isFunctionDeclaration(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) fn.exported = true;
      if (fn.name !== '<arrow function>' && fn.name !== '<function>') boundNames.add(fn.name.split('.').pop() as string);
      const inner: Ctx = { fn, blocked: undefined, esm: ctx.esm };
      // `await` is a syntax error in a parameter list: calls in default values cannot be awaited.
      const inParameters: Ctx = { fn: undefined, blocked: { code: 'AM111', text: `a parameter default of ${fn.name}` }, esm: ctx.esm };
      ts.forEachChild(node, (c) => visit(c, ts.isParameter(c) ? inParameters : inner, sf));
      return;
    }
    if (ts.isConstructorDeclaration(node)) {
      const cls = node.parent.name?.text ?? 'a class';
      ts.forEachChild(node, (c) => visit(c, { fn: undefined, blocked: { code: 'AM101', text: `the constructor of ${cls}` }, esm: ctx.esm }, sf));
      return;
    }
    if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
      const kind = ts.isGetAccessor(node) ? 'getter' : 'setter';
      ts.forEachChild(node, (c) => visit(c, { fn: undefined, blocked: { code: 'AM102', text: `the ${kind} ${node.name.getText(sf)}` }, esm: ctx.esm }, sf));
      return;
    }
    if (ts.isClassStaticBlockDeclaration(node)) {
      ts.forEachChild(node, (c) => visit(c, { fn: undefined, blocked: { code: 'AM103', text: 'a class static block' }, esm: ctx.esm }, sf));
      return;
    }
    if (ts.isPropertyDeclaration(node) && node.initializer && !isFunctionWithBody(skipOuter(node.initializer))) {
      ts.forEachChild(node, (c) => visit(c, { fn: undefined, blocked: { code: 'AM103', text: `the initialiser of field ${node.name.getText(sf)}` }, esm: ctx.esm }, sf));
      return;
    }
    if (ts.isClassLike(node)) {
      linkClassFamilies(node);
      // Public methods of an exported class are exported API too.
      if (ts.isClassDeclaration(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) {
        for (const member of node.members) {
          const hidden = hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword) || (member.name !== undefined && ts.isPrivateIdentifier(member.name));
          if (!hidden && ts.isMethodDeclaration(member) && member.body) fnFor(member).exported = true;
        }
      }
    }
    else if (ts.isObjectLiteralExpression(node)) linkObjectLiteralFamilies(node);
    else if (ts.isCallExpression(node)) visitCall(node, ctx, sf);
    else if ((ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) && ctx.fn && !ctx.fn.isAsync && !ctx.blocked) {
      ctx.fn.seeds.push({ kind: 'await', loc: locOf(node, sf), text: 'await' });
    } else if (ts.isIdentifier(node) && isValuePosition(node)) valueIdentifiers.push({ id: node, file: sf.fileName });
    else if (ts.isVariableStatement(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) {
      for (const d of node.declarationList.declarations) for (const f of fnsForDeclaration(d, 0)) f.exported = true;
    }
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) markCommonJsExports(node);
    ts.forEachChild(node, (c) => visit(c, ctx, sf));
  };

  for (const sf of program.getSourceFiles()) {
    if (!options.projectFiles.has(sf.fileName)) continue;
    const outside = options.editableFiles && !options.editableFiles.has(sf.fileName) ? { code: 'AM108' as const, text: 'a file outside the files being migrated' } : undefined;
    visit(sf, { fn: undefined, blocked: outside, esm: options.isEsModule(sf.fileName) }, sf);
  }

  /** The class an exported value is (`class …`) or names (`Store`, `{ Store }`, through aliases). */
  const classBehind = (v: ExportedValue): ts.ClassLikeDeclaration | undefined => {
    const e = ts.isShorthandPropertyAssignment(v) ? v : skipOuter(v);
    if (ts.isClassExpression(e)) return e;
    let symbol = ts.isShorthandPropertyAssignment(e) ? checker.getShorthandAssignmentValueSymbol(e) : ts.isIdentifier(e) ? checker.getSymbolAtLocation(e) : undefined;
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration;
    return decl && (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) ? decl : undefined;
  };

  // CommonJS export tables (Object.assign(module.exports, …), spread and whole-module re-exports,
  // properties of an object bound to module.exports): exported API, per file for --public-api=keep.
  for (const sf of program.getSourceFiles()) {
    if (!options.projectFiles.has(sf.fileName)) continue;
    const table = commonJs.exportsOf(sf);
    if (table.size === 0) continue;
    const fns = new Set<FnNode>();
    for (const values of table.values()) {
      for (const v of values) {
        for (const fn of fnsForExportedValue(v)) fns.add(fn);
        // `module.exports = Store`, `exports.Store = class …`: the public methods of an exported class.
        for (const member of classBehind(v)?.members ?? []) {
          const hidden = hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword) || (member.name !== undefined && ts.isPrivateIdentifier(member.name));
          if (!hidden && ts.isMethodDeclaration(member) && member.body) fns.add(fnFor(member));
        }
      }
    }
    for (const fn of fns) fn.exported = true;
    if (fns.size > 0) graph.commonJsExports.set(sf.fileName, [...fns]);
  }

  // Functions used as values: resolve only identifiers named like a bound function.
  for (const { id } of valueIdentifiers) {
    if (!boundNames.has(id.text)) continue;
    const fns = fnsForSymbol(checker.getSymbolAtLocation(id));
    if (fns.length === 0) continue;
    const use = classifyValueUse(id, id.getSourceFile(), fns);
    if (typeof use !== 'object') continue;
    fns[0].uses.push(use);
  }
  return graph;
}
