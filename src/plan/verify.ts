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
 * Diagnostics and floating calls are compared as multisets of (file, code, message) and
 * (file, callee text), since positions move in the rewrite.
 */
import { ts } from 'ts-morph';
import type { Finding } from '../core/findings';
import { loadProject, type FileTexts, type LoadedProject } from './load-project';
import { findSuspects, type Suspect } from './verify-suspects';

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

/** TS2307 cannot find module, TS2580/TS2591 cannot find name (install @types/node), TS2792, TS7016 no declaration file. */
const MODULE_RESOLUTION_CODES = new Set([2307, 2580, 2591, 2792, 7016]);

function diagnosticsOf(loaded: LoadedProject): Map<string, { count: number; diagnostic: ts.Diagnostic }> {
  const out = new Map<string, { count: number; diagnostic: ts.Diagnostic }>();
  const all = [...loaded.program.getSyntacticDiagnostics(), ...loaded.program.getSemanticDiagnostics(), ...loaded.program.getGlobalDiagnostics()];
  for (const d of all) {
    if (d.file && !loaded.projectFiles.has(d.file.fileName)) continue;
    // "Cannot find module 'fs'" becomes "… 'fs/promises'" when fs-promises changes an import: for
    // module-resolution errors the file and code are compared, not the module named.
    const message = MODULE_RESOLUTION_CODES.has(d.code) ? '' : ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const key = `${d.file?.fileName ?? ''}|${d.code}|${message}`;
    const entry = out.get(key);
    if (entry) entry.count++;
    else out.set(key, { count: 1, diagnostic: d });
  }
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

function floatingCallsOf(loaded: LoadedProject): Map<string, { count: number; node: ts.CallExpression }> {
  const out = new Map<string, { count: number; node: ts.CallExpression }>();
  for (const sf of loaded.program.getSourceFiles()) {
    if (!loaded.projectFiles.has(sf.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && !isConsumedAsPromise(node)) {
        const e = node;
        if (isPromiseType(loaded.checker.getTypeAtLocation(e))) {
          const key = `${sf.fileName}|${e.expression.getText(sf)}`;
          const entry = out.get(key);
          if (entry) entry.count++;
          else out.set(key, { count: 1, node: e });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function introduced<T>(before: Map<string, { count: number }>, after: Map<string, { count: number } & T>): (T & { count: number })[] {
  return [...after.entries()].filter(([key, a]) => a.count > (before.get(key)?.count ?? 0)).map(([, a]) => a);
}

/**
 * Compare the project before and after the migration.
 * @param before absolute path → original text; @param after absolute path → migrated text (same keys)
 * @returns findings: AM340 per new diagnostic, AM341 per new floating promise (both `left-alone`,
 *   level error: the engine must not write a migration with any of them).
 */
export function verifyMigration(before: FileTexts, after: FileTexts, options: VerifyOptions): Finding[] {
  const original = options.original ?? loadProject(before, { cwd: options.cwd, tsConfigFilePath: options.project });
  const migrated = loadProject(after, { cwd: options.cwd, tsConfigFilePath: options.project });
  const findings: Finding[] = [];
  const where = (sf: ts.SourceFile | undefined, pos: number | undefined) => {
    if (!sf || pos === undefined) return { file: sf ? options.displayPath(sf.fileName) : '', line: 1, column: 1 };
    const lc = sf.getLineAndCharacterOfPosition(pos);
    return { file: options.displayPath(sf.fileName), line: lc.line + 1, column: lc.character + 1 };
  };
  const spans: { file: string; start: number; length: number; why: string }[] = [];
  // Without a tsconfig, TypeScript files are still checked (inferred options); JavaScript files never are then.
  if (migrated.tsConfigFilePath || [...migrated.projectFiles].some((f) => /\.[cm]?tsx?$/.test(f))) {
    for (const { diagnostic } of introduced(diagnosticsOf(original), diagnosticsOf(migrated))) {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      if (diagnostic.file && diagnostic.start !== undefined) spans.push({ file: diagnostic.file.fileName, start: diagnostic.start, length: diagnostic.length ?? 0, why: `TS${diagnostic.code} at ${where(diagnostic.file, diagnostic.start).file}:${where(diagnostic.file, diagnostic.start).line}` });
      findings.push({ transform: 'propagate-async', kind: 'left-alone', code: 'AM340', message: `new type error after the migration: TS${diagnostic.code} ${text}`, ...where(diagnostic.file, diagnostic.start) });
    }
  }
  for (const { node } of introduced(floatingCallsOf(original), floatingCallsOf(migrated))) {
    const sf = node.getSourceFile();
    spans.push({ file: sf.fileName, start: node.expression.getStart(sf), length: node.expression.getWidth(sf), why: `a floating promise at ${where(sf, node.getStart(sf)).file}:${where(sf, node.getStart(sf)).line}` });
    findings.push({ transform: 'propagate-async', kind: 'left-alone', code: 'AM341', message: `${node.expression.getText(sf)}() now returns a promise that is neither awaited, returned nor handled`, subject: node.expression.getText(sf), ...where(sf, node.getStart(sf)) });
  }
  if (findings.length > 0 && options.onSuspects && options.asyncNames) options.onSuspects(findSuspects(migrated, options.asyncNames, spans));
  return findings;
}
