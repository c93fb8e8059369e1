/**
 * Verification after propagate-async (issue 3, "Verification, built in"):
 * 1. the migrated project type-checks with no diagnostic the original did not have (with its
 *    tsconfig; without one, when it has TypeScript files, with the inferred options, under which
 *    JavaScript files are not checked — comparing before and after keeps only what the migration added);
 * 2. no floating promise is introduced: a call whose value is a promise that is neither awaited,
 *    returned, chained, nor passed on (a statement `f();`, but also `const x = f()`, `f().name`,
 *    `f() + 1`, `if (f())`, `` `${f()}` ``), that the original did not have. Such a call is what a
 *    caller the call graph could not see (`obj[key]()`, an untyped receiver) is left with.
 *
 * "New" is decided by position, not by message text: each diagnostic of the migrated program is
 * mapped back through the edits (src/plan/position-map.ts) to its file and line in the original, and
 * compared with the original's diagnostics as a multiset of (file, code, original line). Floating
 * calls are compared as multisets of (file, callee text, original line).
 *
 * Missing type declarations (no node_modules, no @types/node: "Cannot find name 'console'",
 * "Cannot find module 'fs'") are detected on the original, reported once (AM345) with what to
 * install, and never counted as new errors: without the declarations the checker cannot judge.
 */
import { ts } from 'ts-morph';
import type { Finding } from '../core/findings';
import { loadProject, type FileTexts, type LoadedProject } from './load-project';
import { findSuspects, type Suspect } from './verify-suspects';
import { createPositionMap, lineAt, type PositionMap } from './position-map';
import { affectedFiles, buildMigratedProgram } from './migrated-program';
import { timed } from '../core/timings';

/** Options of {@link verifyMigration}. */
export interface VerifyOptions {
  cwd?: string;
  project?: string;
  /** Turn a path into the display path findings use (relative to the working directory). */
  displayPath: (file: string) => string;
  /** The original project already loaded (by the plan, over the same `before` texts): not loaded again. */
  original?: LoadedProject;
  /** With `onSuspects`: absolute file → names of the functions the plan made async (src/plan/verify-suspects.ts). */
  asyncNames?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Called, when there are problems, with the functions they mention (to pin and plan again). */
  onSuspects?: (suspects: Suspect[]) => void;
}

/** A problem of the migrated project, with where it is in the migrated and in the original text. */
export interface VerifyProblem {
  finding: Finding;
  /** Absolute path. */
  file: string;
  /** Offsets in the migrated text. */
  start: number;
  length: number;
  /** The same span mapped to the original text. */
  originalStart: number;
  originalEnd: number;
}

/** What {@link compareProjects} found. */
export interface VerifyResult {
  /** AM340 per new diagnostic, AM341 per new floating promise (level error). */
  problems: VerifyProblem[];
  /** AM345 once when the original lacks type declarations (not a problem: a note). */
  notes: Finding[];
  /** The migrated program (for attributing the problems). */
  migrated: LoadedProject;
  /** Position maps of the changed files (absolute path → map). */
  maps: ReadonlyMap<string, PositionMap>;
}

/**
 * Diagnostics that mean "type declarations are missing", not "the code is wrong": TS2580/TS2591
 * (cannot find name 'require'/'process'/'Buffer': install @types/node), TS2584 (cannot find name
 * 'console': change lib or install @types/node), TS2307/TS2792 for a Node.js built-in module, TS7016.
 */
function isMissingDeclaration(d: ts.Diagnostic): boolean {
  if (d.code === 2580 || d.code === 2591 || d.code === 2584 || d.code === 7016) return true;
  if (d.code !== 2307 && d.code !== 2792) return false;
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const name = /'([^']+)'/.exec(text)?.[1] ?? '';
  return name.startsWith('node:') || BUILTIN_MODULES.has(name.split('/')[0]);
}

const BUILTIN_MODULES = new Set(['fs', 'path', 'os', 'child_process', 'crypto', 'zlib', 'util', 'events', 'stream', 'url', 'http', 'https', 'net', 'assert', 'buffer', 'timers', 'worker_threads', 'readline', 'module', 'process', 'v8', 'vm', 'dns', 'tty', 'perf_hooks', 'async_hooks', 'querystring', 'string_decoder']);

/** Every diagnostic of the project's own files (of `files` only, when given), and the global ones. */
function diagnosticsOf(loaded: LoadedProject, files?: ReadonlySet<string>): ts.Diagnostic[] {
  const program = loaded.program;
  const all = files
    ? [...files].flatMap((f) => {
        const sf = program.getSourceFile(f);
        return sf ? [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)] : [];
      })
    : [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  return [...all, ...program.getGlobalDiagnostics()].filter((d) => !d.file || loaded.projectFiles.has(d.file.fileName));
}

/** Count of each key. */
function countKeys(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function isPromiseType(type: ts.Type): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && (symbol.name === 'Promise' || symbol.name === 'PromiseLike')) return true;
  return type.isUnion() && type.types.some(isPromiseType);
}

/**
 * Whether a call's value is consumed as a promise: awaited, returned (also as a concise arrow body),
 * yielded, chained with then/catch/finally, dropped with `void`, or passed on as an argument, array
 * element or spread (`Promise.all([…])`, `expect(f()).rejects`, a promise-aware receiver). Anything
 * else — a statement, a variable, an operand, a condition, `.name` — uses it as the plain value.
 */
function isConsumedAsPromise(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p))) {
    node = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isAwaitExpression(p) || ts.isReturnStatement(p) || ts.isYieldExpression(p) || ts.isVoidExpression(p)) return true;
  if (ts.isArrowFunction(p) && p.body === node) return true;
  if (ts.isPropertyAccessExpression(p) && p.expression === node) return ['then', 'catch', 'finally'].includes(p.name.text);
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression !== node) return true;
  return ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p);
}

/** The floating calls of the project's files, grouped by file and callee text. */
function floatingCallsOf(loaded: LoadedProject, files?: ReadonlySet<string>): Map<string, { nodes: ts.CallExpression[] }> {
  const out = new Map<string, { nodes: ts.CallExpression[] }>();
  for (const sf of loaded.program.getSourceFiles()) {
    if (!loaded.projectFiles.has(sf.fileName) || (files && !files.has(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && !isConsumedAsPromise(node)) {
        const e = node;
        if (isPromiseType(loaded.checker.getTypeAtLocation(e))) {
          const key = `${sf.fileName}|${e.expression.getText(sf)}`;
          const entry = out.get(key);
          if (entry) entry.nodes.push(e);
          else out.set(key, { nodes: [e] });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Compare the project before and after the migration.
 * @param before absolute path → original text; @param after absolute path → migrated text (same keys)
 * @returns the new problems (AM340 per new diagnostic, AM341 per new floating promise), notes, the
 *   migrated program and the position maps
 */
export function compareProjects(before: FileTexts, after: FileTexts, options: VerifyOptions): VerifyResult {
  const original = options.original ?? loadProject(before, { cwd: options.cwd, tsConfigFilePath: options.project });
  // Incrementally from the original program (unchanged files reused); only the changed files and
  // their importers can have new diagnostics or floating calls (src/plan/migrated-program.ts).
  const migrated = timed('verify: build migrated program', () => buildMigratedProgram(original, after));
  const maps = new Map<string, PositionMap>();
  for (const [file, text] of after) {
    const old = before.get(file);
    if (old !== undefined && old !== text) maps.set(file, createPositionMap(old, text));
  }
  const affected = affectedFiles(migrated.program, migrated.projectFiles, maps.keys());
  const toOriginal = (file: string, offset: number) => maps.get(file)?.toOriginal(offset) ?? offset;
  const originalLine = (file: string, offset: number) => lineAt(before.get(file) ?? after.get(file) ?? '', toOriginal(file, offset));
  const where = (sf: ts.SourceFile | undefined, pos: number | undefined) => {
    if (!sf || pos === undefined) return { file: sf ? options.displayPath(sf.fileName) : '', line: 1, column: 1 };
    const lc = sf.getLineAndCharacterOfPosition(pos);
    return { file: options.displayPath(sf.fileName), line: lc.line + 1, column: lc.character + 1 };
  };
  const problems: VerifyProblem[] = [];
  const notes: Finding[] = [];
  const push = (finding: Finding, file: string, start: number, length: number) =>
    problems.push({ finding, file, start, length, originalStart: toOriginal(file, start), originalEnd: toOriginal(file, start + length) });

  // Without a tsconfig, TypeScript files are still checked (inferred options); JavaScript files never are then.
  if (migrated.tsConfigFilePath || [...migrated.projectFiles].some((f) => /\.[cm]?tsx?$/.test(f))) {
    const originalDiagnostics = timed('verify: original diagnostics', () => diagnosticsOf(original, affected));
    const missing = originalDiagnostics.filter(isMissingDeclaration);
    if (missing.length > 0) {
      const first = missing[0];
      const at = where(first.file, first.start);
      const message = `type declarations are missing (TS${first.code} at ${at.file}:${at.line}:${at.column}, ${missing.length} such error${missing.length === 1 ? '' : 's'}): install the project's dependencies or the declarations (for Node.js: npm install --save-dev @types/node) and run again; until then verification ignores these errors and cannot see what they hide`;
      notes.push({ transform: 'propagate-async', kind: 'left-alone', code: 'AM345', message, ...at });
    }
    const keyOf = (d: ts.Diagnostic, line: number) => `${d.file?.fileName ?? ''}|${d.code}|${line}`;
    const seen = countKeys(originalDiagnostics.filter((d) => !isMissingDeclaration(d)).map((d) => keyOf(d, d.file && d.start !== undefined ? lineAt(d.file.text, d.start) : 0)));
    for (const d of timed('verify: migrated diagnostics', () => diagnosticsOf(migrated, affected))) {
      if (isMissingDeclaration(d)) continue;
      const file = d.file?.fileName ?? '';
      const key = keyOf(d, d.file && d.start !== undefined ? originalLine(file, d.start) : 0);
      const left = seen.get(key) ?? 0;
      if (left > 0) {
        seen.set(key, left - 1);
        continue;
      }
      const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      const finding: Finding = { transform: 'propagate-async', kind: 'left-alone', code: 'AM340', message: `new type error after the migration: TS${d.code} ${text}`, ...where(d.file, d.start) };
      push(finding, file, d.start ?? 0, d.length ?? 0);
    }
  }
  const floatingKey = (file: string, callee: string, line: number) => `${file}|${callee}|${line}`;
  const seenFloating = countKeys([...floatingCallsOf(original, affected).values()].flatMap(({ nodes }) => nodes.map((n) => floatingKey(n.getSourceFile().fileName, n.expression.getText(), lineAt(n.getSourceFile().text, n.getStart())))));
  for (const { nodes } of timed('verify: floating calls', () => floatingCallsOf(migrated, affected)).values()) {
    for (const node of nodes) {
      const sf = node.getSourceFile();
      const key = floatingKey(sf.fileName, node.expression.getText(sf), originalLine(sf.fileName, node.getStart(sf)));
      const left = seenFloating.get(key) ?? 0;
      if (left > 0) {
        seenFloating.set(key, left - 1);
        continue;
      }
      const finding: Finding = { transform: 'propagate-async', kind: 'left-alone', code: 'AM341', message: `${node.expression.getText(sf)}() now returns a promise that is neither awaited, returned nor handled`, subject: node.expression.getText(sf), ...where(sf, node.getStart(sf)) };
      push(finding, sf.fileName, node.expression.getStart(sf), node.expression.getWidth(sf));
    }
  }
  return { problems, notes, migrated, maps };
}

/**
 * Compare the project before and after the migration (the findings only; see {@link compareProjects}).
 * Calls `options.onSuspects` with the functions the problems mention.
 * @returns AM340/AM341 findings (level error) followed by AM345 notes
 */
export function verifyMigration(before: FileTexts, after: FileTexts, options: VerifyOptions): Finding[] {
  const result = compareProjects(before, after, options);
  if (result.problems.length > 0 && options.onSuspects && options.asyncNames) {
    const spans = result.problems.map((p) => ({ file: p.file, start: p.start, length: p.length, why: `${p.finding.message.startsWith('new type error') ? p.finding.message.split(' ')[5] : 'a floating promise'} at ${p.finding.file}:${p.finding.line}` }));
    options.onSuspects(findSuspects(result.migrated, options.asyncNames, spans));
  }
  return [...result.problems.map((p) => p.finding), ...result.notes];
}
