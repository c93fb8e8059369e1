/**
 * Per-file detection: one Babel parse (no recast tree), then
 * 1. I/O call sites (blocking and non-blocking) with where they run — AM601, AM602, AM611, AM612
 *    directly; sites in synchronous functions are left for the call graph (AM603 / AM612 / AM613);
 * 2. floating promises — AM604 (async callback to forEach/filter/…), AM605 (async listener or timer
 *    callback), AM606 (call of an async function of the same file whose promise is dropped);
 * 3. AM607 — a named async function with no await that does not delegate;
 * 4. the file's part of the syntactic call graph.
 */
import { parse } from '@babel/parser';
import type { ASTPath } from 'jscodeshift';
import { babelOptionsFor, parserNameFor } from '../core/parser';
import { collectFilePaths, type FilePaths } from './file-paths';
import { functionName, isFunctionNode, siteContext, type SiteContextKind } from './context';
import { classifyIoCall, type IoFamily } from './io-apis';
import { bindingPath, isGlobal, propertyName, resolveIoCall, stringValue, type ResolveContext } from './resolve-io-call';
import { getRuleOrThrow } from './rules';
import { collectGraphFacts, functionId, type FileGraphFacts } from './syntactic-call-graph';
import type { AuditFinding } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;
type AnyPath = ASTPath<AnyNode>;

/** One I/O call site. */
export interface IoSite {
  family: IoFamily;
  /** Member below the module, e.g. `readFileSync`. */
  member: string;
  subject: string;
  blocking: boolean;
  context: SiteContextKind;
  cli: boolean;
  /** The deciding function (sync / async / promise callback), when not at top level. */
  functionId?: string;
  functionName?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What one file contributes to the audit. */
export interface FileAnalysis {
  file: string;
  ioSites: IoSite[];
  /** Findings that need no call graph. */
  findings: AuditFinding[];
  graph: FileGraphFacts;
}

/** Options for the per-file analysis. */
export interface AnalyzeOptions {
  /** Extra modules with Node's fs API (e.g. `graceful-fs`). */
  fsModules?: readonly string[];
}

const ARRAY_IGNORES_PROMISE = new Set(['forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const GLOBAL_TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);

/** 1-based line/column range of a node (end column exclusive). */
function rangeOf(node: AnyNode): { line: number; column: number; endLine: number; endColumn: number } {
  const loc = node.loc;
  return { line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1, endLine: loc?.end.line ?? 1, endColumn: (loc?.end.column ?? 0) + 1 };
}

function finding(rule: string, file: string, node: AnyNode, message: string, extra: Partial<AuditFinding> = {}): AuditFinding {
  return { rule, severity: getRuleOrThrow(rule).severity, file, ...rangeOf(node), message, ...extra };
}

/** The import-equals names of a file (`import fs = require('fs')`), which ast-types' scope does not track. */
function importEqualsNames(program: AnyNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const stmt of program.body) {
    if (stmt.type === 'TSImportEqualsDeclaration' && stmt.moduleReference?.type === 'TSExternalModuleReference') {
      const spec = stringValue(stmt.moduleReference.expression);
      if (spec && stmt.id?.type === 'Identifier' && stmt.importKind !== 'type') names.set(stmt.id.name, spec);
    }
  }
  return names;
}

/**
 * Analyse one file. Positions in findings are 1-based.
 * @throws SyntaxError (from @babel/parser, with `loc`) when the file does not parse; the caller
 *   reports it and goes on with the other files.
 */
export function analyzeFile(file: string, source: string, options: AnalyzeOptions = {}): FileAnalysis {
  const ast: AnyNode = parse(source, { ...babelOptionsFor(parserNameFor(file)), tokens: false });
  const paths = collectFilePaths(ast);
  const ctx: ResolveContext = { importEquals: importEqualsNames(ast.program), extraFsModules: options.fsModules ?? [] };
  const cliFile = source.startsWith('#!') || source.startsWith('\uFEFF#!');
  const analysis: FileAnalysis = { file, ioSites: [], findings: [], graph: collectGraphFacts(paths, file, cliFile) };

  for (const p of paths.calls) {
    if (p.node.type === 'NewExpression') continue;
    detectIoSite(p, file, ctx, cliFile, analysis);
    detectAsyncCallbacks(p, file, analysis);
  }
  detectFloatingCalls(paths, file, analysis);
  detectAsyncWithoutAwait(paths, file, analysis);
  return analysis;
}

function detectIoSite(p: AnyPath, file: string, ctx: ResolveContext, cliFile: boolean, analysis: FileAnalysis): void {
  const resolved = resolveIoCall(p, ctx);
  if (!resolved) return;
  const kind = classifyIoCall(resolved.module, resolved.member);
  if (!kind) return;
  const where = siteContext(p, cliFile);
  const site: IoSite = {
    family: resolved.module.family,
    member: resolved.member,
    subject: resolved.subject,
    blocking: kind === 'blocking',
    context: where.kind,
    cli: where.cli,
    functionId: where.fn ? functionId(file, where.fn) : undefined,
    functionName: where.fieldOf ? `${where.fieldOf} field initialiser` : where.fn ? functionName(where.fn) : undefined,
    ...rangeOf(p.node),
  };
  analysis.ioSites.push(site);
  if (!site.blocking) return;
  const subject = resolved.subject;
  const fnName = site.functionName;
  if (where.kind === 'async') {
    analysis.findings.push(finding('AM601', file, p.node, `blocking call ${subject}() inside async function ${fnName}`, { subject, function: fnName }));
  } else if (where.kind === 'promise-callback') {
    analysis.findings.push(finding('AM602', file, p.node, `blocking call ${subject}() inside a promise callback (${fnName})`, { subject, function: fnName }));
  } else if (where.kind === 'top-level') {
    if (where.cli) analysis.findings.push(finding('AM612', file, p.node, `blocking call ${subject}() in CLI-only code at top level`, { subject }));
    else analysis.findings.push(finding('AM611', file, p.node, `blocking call ${subject}() at module top level`, { subject }));
  }
  // 'sync': decided with the call graph (AM603 / AM612 / AM613)
}

/** The function node passed as an argument, if `arg` is one (async functions only). */
function asyncFunctionArg(arg: AnyNode): AnyNode | undefined {
  return arg && (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') && arg.async && !arg.generator ? arg : undefined;
}

function detectAsyncCallbacks(p: AnyPath, file: string, analysis: FileAnalysis): void {
  const call = p.node;
  const callee = call.callee;
  const method = propertyName(callee);
  const asyncArgs = call.arguments.map(asyncFunctionArg).filter(Boolean);
  if (asyncArgs.length === 0) return;
  if (method && ARRAY_IGNORES_PROMISE.has(method) && asyncFunctionArg(call.arguments[0])) {
    const why = method === 'forEach' ? 'forEach ignores the promise it returns' : `${method} reads the promise it returns as always truthy`;
    analysis.findings.push(finding('AM604', file, call.arguments[0], `async callback passed to .${method}(): ${why}`, { subject: method }));
    return;
  }
  let receiver: string | undefined;
  if (method && LISTENER_METHODS.has(method)) receiver = `.${method}()`;
  else if (callee.type === 'Identifier' && GLOBAL_TIMERS.has(callee.name) && isGlobal(p, callee.name)) receiver = `${callee.name}()`;
  else if (method === 'nextTick' && callee.object.type === 'Identifier' && callee.object.name === 'process' && isGlobal(p, 'process')) receiver = 'process.nextTick()';
  if (!receiver) return;
  for (const fn of asyncArgs) {
    analysis.findings.push(finding('AM605', file, fn, `async callback passed to ${receiver}: nothing handles its promise, so a rejection is unhandled`, { subject: receiver }));
  }
}

/** Is the function bound to `name` at `path` an async function of this file? Returns its name. */
function sameFileAsyncFunction(path: AnyPath, callee: AnyNode): string | undefined {
  if (callee.type === 'Identifier') {
    const idPath: AnyPath | undefined = bindingPath(path, callee.name);
    const parent = idPath?.parent?.node;
    if (!parent) return undefined;
    if (parent.type === 'FunctionDeclaration' && parent.id === idPath!.node) return parent.async && !parent.generator ? callee.name : undefined;
    if (parent.type === 'VariableDeclarator' && parent.id === idPath!.node) {
      const init = parent.init;
      const isConst = idPath!.parent.parent?.node.kind === 'const';
      return isConst && init && isFunctionNode(init) && init.async && !init.generator ? callee.name : undefined;
    }
    return undefined;
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression') {
    const name = propertyName(callee);
    if (!name) return undefined;
    for (let p = path.parent; p; p = p.parent) {
      if (p.node.type === 'FunctionExpression' || p.node.type === 'FunctionDeclaration') return undefined;
      if (p.node.type === 'ClassBody') {
        const m = p.node.body.find((x: AnyNode) => (x.type === 'ClassMethod' || x.type === 'ClassPrivateMethod') && !x.static && x.key.type === 'Identifier' && x.key.name === name && x.kind === 'method');
        return m?.async && !m.generator ? `this.${name}` : undefined;
      }
    }
  }
  return undefined;
}

function detectFloatingCalls(paths: FilePaths, file: string, analysis: FileAnalysis): void {
  paths.expressionStatements.forEach((p: AnyPath) => {
    const expressions = p.node.expression.type === 'SequenceExpression' ? p.node.expression.expressions : [p.node.expression];
    for (const expr of expressions) {
      if (expr.type !== 'CallExpression' && expr.type !== 'OptionalCallExpression') continue;
      const name = sameFileAsyncFunction(p, expr.callee);
      if (!name) continue;
      analysis.findings.push(
        finding('AM606', file, expr, `the promise of ${name}() is neither awaited, returned, stored nor handled`, { subject: name }),
      );
    }
  });
}

/** Does the function's own body (not nested functions) contain `await` or `for await`? */
function ownBodyAwaits(fn: AnyNode): boolean {
  let found = false;
  const visit = (node: AnyNode, top: boolean): void => {
    if (found || !node || typeof node.type !== 'string') return;
    if (!top && isFunctionNode(node)) return;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
      found = true;
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments') continue;
      const v = node[key];
      if (Array.isArray(v)) v.forEach((c) => visit(c, false));
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v, false);
    }
  };
  visit(fn, true);
  return found;
}

const DELEGATING_RETURNS = new Set(['CallExpression', 'OptionalCallExpression', 'NewExpression', 'Identifier', 'MemberExpression', 'OptionalMemberExpression', 'ConditionalExpression', 'LogicalExpression', 'TSAsExpression', 'TSNonNullExpression']);

/** Does the function return something that may be a promise (a call, a variable, …)? */
function delegates(fn: AnyNode): boolean {
  if (fn.body.type !== 'BlockStatement') return DELEGATING_RETURNS.has(fn.body.type);
  let found = false;
  const visit = (node: AnyNode): void => {
    if (found || !node || typeof node.type !== 'string' || isFunctionNode(node)) return;
    if (node.type === 'ReturnStatement' && node.argument && DELEGATING_RETURNS.has(node.argument.type)) {
      found = true;
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments') continue;
      const v = node[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  fn.body.body.forEach(visit);
  return found;
}

/** Named async functions only: inline async callbacks (test bodies, handlers) are a receiver's contract. */
function isNamedFunction(p: AnyPath): boolean {
  const node = p.node;
  if (node.type === 'FunctionDeclaration' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod') return true;
  const parent = p.parent?.node;
  return parent?.type === 'VariableDeclarator' || parent?.type === 'ClassProperty' || parent?.type === 'ClassPrivateProperty' || (parent?.type === 'AssignmentExpression' && parent.right === node);
}

function detectAsyncWithoutAwait(paths: FilePaths, file: string, analysis: FileAnalysis): void {
  paths.functions.filter((p: AnyPath) => p.node.async && !p.node.generator).forEach((p: AnyPath) => {
    const fn = p.node;
    if (fn.body.type === 'BlockStatement' && fn.body.body.length === 0) return;
    if (!isNamedFunction(p) || ownBodyAwaits(fn) || delegates(fn)) return;
    const name = functionName(p);
    const at = fn.type === 'ClassMethod' || fn.type === 'ObjectMethod' || fn.type === 'ClassPrivateMethod' ? fn.key : (fn.id ?? fn);
    analysis.findings.push(finding('AM607', file, at, `async function ${name} never awaits and does not delegate: \`async\` only wraps its result`, { subject: name, function: name }));
  });
}

