/**
 * The audit's own minimal call graph: syntactic, built from the Babel trees the audit parses anyway.
 *
 * It exists because the propagate-async call graph (src/project/, ts-morph + type checker) was not
 * available when the audit was written; it sits behind {@link AuditCallGraph} so that graph can
 * replace it. What it resolves:
 * - calls of functions declared in the same file (declarations, `const f = () => …`), through scope;
 * - `this.m()` inside a class to that class's method `m`, `C.m()` to a static method of class `C`,
 *   `new C()` to the constructor of class `C` (local or imported);
 * - calls through imports of other audited files by relative specifier: named, default and
 *   namespace imports, `require('./x')` (whole, destructured, `x.f()`), re-exports (`export … from`);
 * - exports written as `export function`, `export class`, `export const f = …`, `export { f as g }`, `export default`,
 *   `module.exports = f | { f, g: h }`, `exports.f = …`, `module.exports.f = …`.
 * What it does not: calls through object properties and parameters (`deps.load()`), instance methods
 * called on objects (`new Store().read()`), dynamic imports, overrides and interface dispatch, path
 * aliases from tsconfig `paths`. A missed edge can only hide an AM603 (reported as AM613 instead).
 */
import * as nodePath from 'path';
import type { ASTPath } from 'jscodeshift';
import type { FilePaths } from './file-paths';
import type { AuditCallGraph, CallerEdge, GraphFunction } from './call-graph';
import { enclosingFunction, functionName, isInRequireMainBlock, isPromiseCallback, isTransparentCallback } from './context';
import { collectExports, unwrapExpr } from './collect-exports';
import { bindingPath, propertyName, requireSpecifier, stringValue } from './resolve-io-call';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;
type AnyPath = ASTPath<AnyNode>;

/** What a call's callee refers to, before files are linked. */
type CalleeRef =
  | { kind: 'local'; id: string }
  | { kind: 'import'; specifier: string; name: string };

/** An export of a file: a local function, or a re-export of another module's name. */
type ExportRef = { kind: 'local'; id: string } | { kind: 'reexport'; specifier: string; name: string };

/** A call used as a statement: its result (a promise, if the callee is async) is dropped. */
export interface DroppedCall {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The callee as written, e.g. `save`, `store.flush`. */
  text: string;
}

/** A dropped call of an async function imported from another audited file (AM606 across files). */
export interface FloatingImportedCall extends DroppedCall {
  file: string;
  callee: GraphFunction;
}

/** One file's contribution to the graph. */
export interface FileGraphFacts {
  file: string;
  functions: GraphFunction[];
  calls: { callerId: string; line: number; callee: CalleeRef; dropped?: DroppedCall }[];
  exports: Map<string, ExportRef>;
  /** `export * from '…'` specifiers. */
  exportAll: string[];
  /** Lines of calls made inside `require.main === module` blocks (outside any function). */
  mainBlockCallLines: Set<number>;
}

/** The id of the function node at `fnPath` in `file`. */
export function functionId(file: string, fnPath: AnyPath): string {
  return `${file}#${fnPath.node.start}`;
}

/**
 * The function a call at `path` is made from, for the graph: the nearest enclosing function that is
 * not a transparent callback (array method, IIFE, Promise executor), or undefined at top level.
 */
export function callingFunction(path: AnyPath): AnyPath | undefined {
  let fn = enclosingFunction(path);
  while (fn && !fn.node.async && !isPromiseCallback(fn) && isTransparentCallback(fn)) fn = enclosingFunction(fn);
  return fn;
}

/** What the steps of {@link collectGraphFacts} share for one file. */
interface FactsContext {
  readonly file: string;
  readonly facts: FileGraphFacts;
  /** The path of each function node of the file. */
  readonly fnPaths: Map<AnyNode, AnyPath>;
}

/** Pseudo-function ids for calls made outside any function: the module body, and `require.main` blocks. */
const topIdOf = (file: string) => `${file}#top`;
const mainIdOf = (file: string) => `${file}#main`;

/**
 * Collect one file's functions, calls and exports from its parsed tree.
 * @param cliFile the file is a CLI entry: its top level and sync functions count as CLI-only.
 */
export function collectGraphFacts(paths: FilePaths, file: string, cliFile = false): FileGraphFacts {
  const ctx: FactsContext = { file, facts: { file, functions: [], calls: [], exports: new Map(), exportAll: [], mainBlockCallLines: new Set() }, fnPaths: new Map() };
  collectFunctions(ctx, paths, cliFile);
  paths.calls.forEach((p: AnyPath) => collectCall(ctx, p));
  collectExports(paths.program, ctx.facts, (n) => (n?.type === 'ClassDeclaration' || n?.type === 'ClassExpression' ? constructorOf(ctx, n) : fnIdOfNode(ctx, n)), (p, name) => localFunctionOf(ctx, p, name));
  return ctx.facts;
}

/** The file's functions, the pseudo functions (top level, `require.main` block, implicit constructors) first. */
function collectFunctions(ctx: FactsContext, paths: FilePaths, cliFile: boolean): void {
  const { file, facts } = ctx;
  facts.functions.push({ id: topIdOf(file), name: `<top level of ${file}>`, file, line: 1, asyncRoot: false, cli: cliFile });
  facts.functions.push({ id: mainIdOf(file), name: '<require.main block>', file, line: 1, asyncRoot: false, cli: true });
  // a class without a constructor gets a pseudo function for its implicit one (field initialisers run there)
  for (const c of paths.classes) {
    if (c.node.body.body.some((m: AnyNode) => m.type === 'ClassMethod' && m.kind === 'constructor')) continue;
    facts.functions.push({ id: functionId(file, c), name: `${c.node.id?.name ?? '<class>'} constructor`, file, line: c.node.loc?.start.line ?? 1, asyncRoot: false, isAsync: false, cli: cliFile });
  }
  paths.functions.forEach((p: AnyPath) => {
    ctx.fnPaths.set(p.node, p);
    const asyncRoot = Boolean(p.node.async) || isPromiseCallback(p);
    const merged = !asyncRoot && isTransparentCallback(p) ? callingFunction(p) : undefined;
    facts.functions.push({
      id: functionId(file, p),
      name: functionName(p),
      file,
      line: p.node.loc?.start.line ?? 1,
      asyncRoot,
      isAsync: Boolean(p.node.async) && !p.node.generator,
      cli: cliFile && !p.node.async,
      bodyStart: p.node.body.start,
      bodyLine: p.node.body.loc?.start.line,
      mergedInto: merged ? functionId(file, merged) : undefined,
    });
  });
}

/** One call: an edge from its calling function (or pseudo function) when its callee resolves. */
function collectCall(ctx: FactsContext, p: AnyPath): void {
  const caller = callingFunction(p);
  const inMainBlock = !caller && isInRequireMainBlock(p);
  if (inMainBlock) ctx.facts.mainBlockCallLines.add(p.node.loc?.start.line ?? 1);
  const callee = resolveCallee(ctx, p);
  if (!callee) return;
  const callerId = caller ? functionId(ctx.file, caller) : inMainBlock ? mainIdOf(ctx.file) : topIdOf(ctx.file);
  ctx.facts.calls.push({ callerId, line: p.node.loc?.start.line ?? 1, callee, dropped: callee.kind === 'import' ? droppedCall(p) : undefined });
}

/** The id of the function `node` is (through parentheses and type assertions), if it is one of the file's. */
function fnIdOfNode(ctx: FactsContext, node: AnyNode): string | undefined {
  const n = unwrapExpr(node);
  const p = n && ctx.fnPaths.get(n);
  return p ? functionId(ctx.file, p) : undefined;
}

/** Module a top-level binding was imported or required from: specifier and imported name. */
function importOf(path: AnyPath, name: string): { specifier: string; name: string } | undefined {
  const idPath: AnyPath | undefined = bindingPath(path, name);
  const parent = idPath?.parent?.node;
  if (!idPath || !parent) return undefined;
  if (parent.type === 'ImportSpecifier') {
    const imported = parent.imported.type === 'Identifier' ? parent.imported.name : stringValue(parent.imported);
    return imported ? { specifier: idPath.parent.parent.node.source.value, name: imported } : undefined;
  }
  if (parent.type === 'ImportDefaultSpecifier') return { specifier: idPath.parent.parent.node.source.value, name: 'default' };
  if (parent.type === 'ImportNamespaceSpecifier') return { specifier: idPath.parent.parent.node.source.value, name: '*' };
  if (parent.type === 'VariableDeclarator' && parent.id === idPath.node) {
    const spec = requireSpecifier(unwrapExpr(parent.init), idPath.parent);
    return spec ? { specifier: spec, name: '*' } : undefined;
  }
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === idPath.node) {
    const declarator = idPath.parent.parent?.parent;
    const key = parent.key.type === 'Identifier' ? parent.key.name : stringValue(parent.key);
    const spec = declarator?.node.type === 'VariableDeclarator' ? requireSpecifier(unwrapExpr(declarator.node.init), declarator) : undefined;
    return spec && key ? { specifier: spec, name: key } : undefined;
  }
  return undefined;
}

/** The constructor of a class node: its own, or the class's implicit-constructor pseudo function. */
function constructorOf(ctx: FactsContext, cls: AnyNode): string | undefined {
  if (!cls?.body?.body) return undefined;
  const ctor = cls.body.body.find((m: AnyNode) => m.type === 'ClassMethod' && m.kind === 'constructor');
  return ctor ? fnIdOfNode(ctx, ctor) : `${ctx.file}#${cls.start}`;
}

/** The function a binding `name` at `path` is declared as, in this file (a class: its constructor). */
function localFunctionOf(ctx: FactsContext, path: AnyPath, name: string): string | undefined {
  const idPath: AnyPath | undefined = bindingPath(path, name);
  const parent = idPath?.parent;
  if (!parent) return undefined;
  if (parent.node.type === 'FunctionDeclaration' && parent.node.id === idPath!.node) return fnIdOfNode(ctx, parent.node);
  if (parent.node.type === 'ClassDeclaration' && parent.node.id === idPath!.node) return constructorOf(ctx, parent.node);
  if (parent.node.type === 'VariableDeclarator' && parent.node.id === idPath!.node) {
    const init = unwrapExpr(parent.node.init);
    return init?.type === 'ClassExpression' ? constructorOf(ctx, init) : fnIdOfNode(ctx, init);
  }
  return undefined;
}

/** The body of the class `this` refers to at `path` (undefined inside a `function`, which rebinds `this`). */
function classOf(path: AnyPath): AnyNode | undefined {
  for (let p = path.parent; p; p = p.parent) {
    if (p.node.type === 'ClassBody') return p.node;
    if (p.node.type === 'FunctionExpression' || p.node.type === 'FunctionDeclaration') return undefined; // `this` rebinds
  }
  return undefined;
}

/** The method (or function-valued field) `name` of a class body, static or not. */
function methodIn(ctx: FactsContext, classBody: AnyNode, name: string, isStatic: boolean): string | undefined {
  for (const m of classBody.body) {
    if (Boolean(m.static) !== isStatic) continue;
    const key = m.key?.type === 'Identifier' ? m.key.name : undefined;
    if (key !== name) continue;
    if (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') return fnIdOfNode(ctx, m);
    if ((m.type === 'ClassProperty' || m.type === 'PropertyDefinition') && m.value) return fnIdOfNode(ctx, m.value);
  }
  return undefined;
}

/** What the callee of the call at `path` refers to: a function of this file, or an imported name. */
function resolveCallee(ctx: FactsContext, path: AnyPath): CalleeRef | undefined {
  const callee = unwrapExpr(path.node.callee);
  if (callee.type === 'Identifier') {
    const local = localFunctionOf(ctx, path, callee.name);
    if (local) return { kind: 'local', id: local };
    const imp = importOf(path, callee.name);
    if (imp) return { kind: 'import', specifier: imp.specifier, name: imp.name === '*' ? '=' : imp.name };
    return undefined;
  }
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return undefined;
  const name = propertyName(callee);
  if (!name) return undefined;
  const object = unwrapExpr(callee.object);
  if (object.type === 'ThisExpression') {
    const body = classOf(path);
    const id = body && methodIn(ctx, body, name, false);
    return id ? { kind: 'local', id } : undefined;
  }
  if (object.type === 'Identifier') {
    const idPath: AnyPath | undefined = bindingPath(path, object.name);
    const decl = idPath?.parent?.node;
    if (decl?.type === 'ClassDeclaration' && decl.id === idPath!.node) {
      const id = methodIn(ctx, decl.body, name, true);
      return id ? { kind: 'local', id } : undefined;
    }
    const imp = importOf(path, object.name);
    if (imp && imp.name === '*') return { kind: 'import', specifier: imp.specifier, name };
    return undefined;
  }
  const spec = requireSpecifier(object, path);
  return spec ? { kind: 'import', specifier: spec, name } : undefined;
}

/** The call at `p` as a dropped call, when it is an expression statement (or a sequence element of one). */
function droppedCall(p: AnyPath): DroppedCall | undefined {
  const node = p.node;
  if (node.type === 'NewExpression') return undefined;
  let parent = p.parent;
  if (parent?.node.type === 'SequenceExpression') parent = parent.parent;
  if (parent?.node.type !== 'ExpressionStatement') return undefined;
  const callee = unwrapExpr(node.callee);
  const text = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? `${callee.object.name}.${propertyName(callee) ?? '?'}` : 'the callee';
  const loc = node.loc;
  return { line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1, endLine: loc?.end.line ?? 1, endColumn: (loc?.end.column ?? 0) + 1, text };
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.mjs', '/index.cjs'];

/**
 * Link per-file facts into a graph. Files are keyed by the path the audit was given; relative
 * specifiers resolve among the audited files only (`./x.js` also finds `./x.ts`).
 */
export function linkSyntacticCallGraph(all: readonly FileGraphFacts[]): AuditCallGraph & { floatingImportedCalls: FloatingImportedCall[] } {
  const byAbs = new Map<string, FileGraphFacts>();
  for (const f of all) byAbs.set(nodePath.resolve(f.file), f);
  const functions = new Map<string, GraphFunction>();
  for (const f of all) for (const fn of f.functions) functions.set(fn.id, fn);

  const resolveFile = (from: string, specifier: string): FileGraphFacts | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const base = nodePath.resolve(nodePath.dirname(from), specifier);
    const bases = [base];
    const m = /\.(c|m)?js$/.exec(base);
    if (m) bases.push(base.slice(0, -m[0].length));
    for (const b of bases) for (const s of RESOLVE_SUFFIXES) {
      const hit = byAbs.get(b + s);
      if (hit) return hit;
    }
    return undefined;
  };

  const resolveExport = (facts: FileGraphFacts, name: string, depth = 0): string | undefined => {
    if (depth > 20) return undefined;
    const ref = facts.exports.get(name);
    if (ref?.kind === 'local') return ref.id;
    if (ref?.kind === 'reexport') {
      const target = resolveFile(facts.file, ref.specifier);
      return target ? resolveExport(target, ref.name, depth + 1) : undefined;
    }
    for (const spec of facts.exportAll) {
      const target = resolveFile(facts.file, spec);
      const id = target && name !== 'default' ? resolveExport(target, name, depth + 1) : undefined;
      if (id) return id;
    }
    return undefined;
  };

  const callers = new Map<string, CallerEdge[]>();
  const floatingImportedCalls: FloatingImportedCall[] = [];
  for (const f of all) {
    for (const call of f.calls) {
      let calleeId: string | undefined;
      if (call.callee.kind === 'local') calleeId = call.callee.id;
      else {
        const target = resolveFile(f.file, call.callee.specifier);
        calleeId = target ? resolveExport(target, call.callee.name) : undefined;
      }
      const callee = calleeId ? functions.get(calleeId) : undefined;
      if (call.dropped && callee?.isAsync && callee.file !== f.file) floatingImportedCalls.push({ ...call.dropped, file: f.file, callee });
      const caller = functions.get(call.callerId);
      if (!calleeId || !caller || calleeId === call.callerId) continue;
      let list = callers.get(calleeId);
      if (!list) callers.set(calleeId, (list = []));
      list.push({ caller, line: call.line });
    }
  }

  return {
    kind: 'syntactic',
    note: 'the audit\'s own syntactic call graph (same-file calls, this.method(), relative imports and requires); calls through parameters, object properties and instances are not followed',
    getFunction: (id) => functions.get(id),
    callersOf: (id) => callers.get(id) ?? [],
    floatingImportedCalls,
  };
}
