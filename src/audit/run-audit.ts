/**
 * `auditFiles`: the audit over a set of in-memory files.
 *
 * Steps:
 * 1. per file ({@link analyzeFile}): I/O sites, single-site findings, the file's call-graph facts;
 *    a file that does not parse is reported in `errors` and the others go on;
 * 2. the call graph (propagate-async's typed one, or the audit's syntactic one, behind
 *    {@link AuditCallGraph}); each blocking call in
 *    a synchronous function becomes AM603 with the chain when an async function reaches it, else
 *    AM612 (CLI-only code) or AM613;
 * 3. the transforms' view: fs-promises' rewrite or refusal for each blocking fs call, and
 *    collapse-delegation / hoist-switch-await findings (AM608–AM610);
 * 4. the async score; findings sorted by severity, file, line, column; what is already async, the
 *    biggest risk, what the audit covered. The CLI then adds what `run` would do
 *    ({@link ./with-run-view}).
 */
import { syntaxErrorPosition } from '../engine/transform-text';
import { analyzeFile, type FileAnalysis, type IoSite } from './analyze-file';
import { findAsyncChain, formatChain, isCliOnly, type AuditCallGraph } from './call-graph';
import { getRuleOrThrow, SEVERITIES, severityRank, type Severity } from './rules';
import { computeScore, type ScoredSite } from './score';
import { linkSyntacticCallGraph } from './syntactic-call-graph';
import { buildTypedCallGraph } from './typed-call-graph';
import { codemodFindings, findTransform, fixFromFinding, indexByPosition, missingTransforms, transformFindings } from './transform-findings';
import type { AuditFinding, AuditFix, AuditResult, ChainStep } from './types';
import { alreadyAsyncOf, asyncEntryPoints, biggestRiskOf, validationOf } from './overview';

/** One input file. */
export interface AuditInput {
  /** Display path (relative to the working directory, `/` separators). */
  path: string;
  text: string;
}

/** Options of {@link auditFiles}. */
export interface AuditOptions {
  /** Extra modules with Node's fs API (e.g. `graceful-fs`). */
  fsModules?: readonly string[];
  /** Ask the transforms for fixes and AM608–AM610 (default true; off makes the audit faster). */
  consultTransforms?: boolean;
  /** Version string recorded in the result. */
  version?: string;
  /**
   * Which call graph answers reachability: `typed` (propagate-async's, TypeScript checker),
   * `syntactic` (the audit's own, faster, fewer edges), or `auto` (default: typed, falling back to
   * syntactic with a note when the project cannot be loaded).
   */
  callGraph?: 'auto' | 'typed' | 'syntactic';
  /** Working directory the display paths are relative to (default: process.cwd()). */
  cwd?: string;
  /** tsconfig for the typed call graph (default: the nearest one). */
  project?: string;
  /** Called as work is done: `done` of `total` steps (each file is analysed, then consulted). */
  onProgress?: (done: number, total: number) => void;
}

const MANUAL_FIX: Record<string, string> = {
  child_process: 'not in the blocking-apis table: use the async form (`exec`/`execFile`/`spawn`, or `util.promisify(execFile)`) and await it',
  zlib: 'not in the blocking-apis table: use the callback form through `util.promisify` (e.g. `promisify(gzip)`) and await it',
  crypto: 'not in the blocking-apis table: use the callback form through `util.promisify` (e.g. `promisify(scrypt)`) and await it',
  Atomics: 'not in the blocking-apis table: use `Atomics.waitAsync` and await its `value` when it is a promise',
  fs: 'not in the fs-promises table: rewrite by hand',
};

function syncSiteFinding(site: IoSite, file: string, graph: AuditCallGraph, chainOf: (id: string) => ChainStep[] | undefined): AuditFinding {
  const chain = site.functionId ? chainOf(site.functionId) : undefined;
  const base = { file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn, subject: site.subject, function: site.functionName };
  if (chain) {
    return { rule: 'AM603', severity: getRuleOrThrow('AM603').severity, ...base, chain, message: `blocking call ${site.subject}() in synchronous ${site.functionName}, reached from async code: ${formatChain(chain)}` };
  }
  if (site.cli || (site.functionId && isCliOnly(graph, site.functionId))) return { rule: 'AM612', severity: getRuleOrThrow('AM612').severity, ...base, message: `blocking call ${site.subject}() in CLI-only code (${site.functionName}), not reached from async code` };
  return { rule: 'AM613', severity: getRuleOrThrow('AM613').severity, ...base, message: `blocking call ${site.subject}() in synchronous ${site.functionName}, not reached from async code` };
}

/**
 * Audit `inputs`. Never throws for a user's file (parse errors and transform crashes are collected
 * in `errors`); throws only on bugs in the audit itself.
 */
export function auditFiles(inputs: readonly AuditInput[], options: AuditOptions = {}): AuditResult {
  const transformOptions = { fsModules: [...(options.fsModules ?? [])] };
  const consult = options.consultTransforms !== false;
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { name: 'async-migrate', version: options.version ?? '0.0.0' },
    files: inputs.map((i) => i.path),
    findings: [],
    counts: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    score: computeScore([]),
    errors: [],
    warnings: [],
    callGraph: { kind: '' },
    skipped: consult ? missingTransforms().map((t) => `transform ${t} is not registered: its part of the audit did not run`) : ['transforms not consulted (--no-fixes)'],
  };

  const analyses: FileAnalysis[] = [];
  const texts = new Map<string, string>();
  const steps = inputs.length * 2;
  let done = 0;
  for (const input of inputs) {
    options.onProgress?.(++done, steps);
    try {
      analyses.push(analyzeFile(input.path, input.text, { fsModules: options.fsModules }));
      texts.set(input.path, input.text);
    } catch (error) {
      const where = syntaxErrorPosition(error);
      if (where) result.errors.push({ file: input.path, line: where.line, message: `does not parse: ${(error as Error).message}` });
      else result.errors.push({ file: input.path, message: `the audit failed on this file (a bug in async-migrate; please report it): ${(error as Error).message}` });
    }
  }

  const syntactic = linkSyntacticCallGraph(analyses.map((a) => a.graph));
  const graph = chooseCallGraph(analyses, texts, options, result, syntactic);
  result.callGraph = { kind: graph.kind, note: graph.note };
  const floatingByFile = new Map<string, AuditFinding[]>();
  for (const call of syntactic.floatingImportedCalls) {
    const list = floatingByFile.get(call.file) ?? [];
    list.push({
      rule: 'AM606',
      severity: getRuleOrThrow('AM606').severity,
      file: call.file,
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      subject: call.text,
      message: `the promise of ${call.text}() (async function ${call.callee.name}, ${call.callee.file}:${call.callee.line}) is neither awaited, returned, stored nor handled`,
    });
    floatingByFile.set(call.file, list);
  }

  const chains = new Map<string, ChainStep[] | undefined>();
  const chainOf = (id: string): ChainStep[] | undefined => {
    if (!chains.has(id)) chains.set(id, findAsyncChain(graph, id));
    return chains.get(id);
  };
  const scored: ScoredSite[] = [];
  for (const analysis of analyses) {
    options.onProgress?.(++done, steps);
    const file = analysis.file;
    const findings = [...analysis.findings, ...(floatingByFile.get(file) ?? [])];
    for (const site of analysis.ioSites) {
      let onAsyncPath = site.context === 'async' || site.context === 'promise-callback';
      if (site.context === 'sync') {
        onAsyncPath = site.functionId ? chainOf(site.functionId) !== undefined : false;
        if (site.blocking) findings.push(syncSiteFinding(site, file, graph, chainOf));
      }
      scored.push({ file, family: site.family, blocking: site.blocking, onAsyncPath });
    }
    if (consult) {
      try {
        attachFixes(findings, analysis, texts.get(file)!, transformOptions);
      } catch (error) {
        result.warnings.push({ file, message: `fs-promises failed while the audit consulted it (findings kept, fixes missing): ${(error as Error).message}` });
      }
      try {
        findings.push(...codemodFindings(file, texts.get(file)!, transformOptions));
      } catch (error) {
        result.warnings.push({ file, message: `collapse-delegation or hoist-switch-await failed while the audit consulted it (AM608–AM610 missing): ${(error as Error).message}` });
      }
    }
    result.findings.push(...findings);
  }

  result.findings.sort(compareFindings);
  for (const f of result.findings) result.counts[f.severity]++;
  result.score = computeScore(scored);
  result.alreadyAsync = alreadyAsyncOf(result, asyncEntryPoints(analyses.flatMap((a) => a.graph.functions), graph));
  result.biggestRisk = biggestRiskOf(result.findings);
  result.validation = validationOf(result, undefined, [], consult ? 'not run (the audit was called without a dry run of `run`)' : 'not run (--no-fixes)');
  return result;
}

/** The call graph `options.callGraph` asks for; `auto` falls back to the syntactic one on a load error. */
function chooseCallGraph(analyses: readonly FileAnalysis[], texts: ReadonlyMap<string, string>, options: AuditOptions, result: AuditResult, syntactic: AuditCallGraph): AuditCallGraph {
  const facts = analyses.map((a) => a.graph);
  const mode = options.callGraph ?? 'auto';
  if (mode === 'syntactic') return syntactic;
  try {
    const typed = buildTypedCallGraph(facts, texts, { cwd: options.cwd ?? process.cwd(), project: options.project, fsModules: options.fsModules });
    return unionCallGraph(typed, syntactic);
  } catch (error) {
    if (mode === 'typed') throw error;
    result.skipped.push(`typed call graph: ${(error as Error).message}; used the syntactic call graph instead`);
    return syntactic;
  }
}

/**
 * The typed graph plus the syntactic graph's edges it lacks (the typed one records call expressions
 * only, so `new C()` → constructor comes from the syntactic one). Both resolve through bindings, so
 * their union adds reach without guessing.
 */
function unionCallGraph(typed: AuditCallGraph, syntactic: AuditCallGraph): AuditCallGraph {
  return {
    kind: typed.kind,
    note: `${typed.note ?? typed.kind}; plus the syntactic graph's edges (constructors)`,
    getFunction: (id) => typed.getFunction(id) ?? syntactic.getFunction(id),
    callersOf: (id) => {
      const edges = [...typed.callersOf(id)];
      const seen = new Set(edges.map((e) => `${e.caller.id}:${e.line}`));
      for (const e of syntactic.callersOf(id)) if (!seen.has(`${e.caller.id}:${e.line}`)) edges.push(e);
      return edges;
    },
  };
}

/** Attach to each blocking-call finding the fix fs-promises (fs) or blocking-apis (child_process, zlib, crypto, Atomics) would apply, or why it would not. */
function attachFixes(findings: AuditFinding[], analysis: FileAnalysis, source: string, options: Record<string, unknown>): void {
  const blockingRules = new Set(['AM601', 'AM602', 'AM603', 'AM611', 'AM612', 'AM613']);
  const sitesAt = new Map(analysis.ioSites.map((s) => [`${s.line}:${s.column}`, s]));
  const fsFindings = analysis.ioSites.some((s) => s.blocking && s.family === 'fs') ? transformFindings('fs-promises', analysis.file, source, options) : [];
  const lookup = indexByPosition(fsFindings);
  const otherFindings = analysis.ioSites.some((s) => s.blocking && s.family !== 'fs') ? transformFindings('blocking-apis', analysis.file, source, options) : [];
  const lookupOther = indexByPosition(otherFindings);
  for (const f of findings) {
    if (!blockingRules.has(f.rule)) continue;
    const site = sitesAt.get(`${f.line}:${f.column}`);
    if (!site) continue;
    let fix: AuditFix | undefined;
    if (site.family === 'fs') {
      const tf = lookup(f.line, f.column, site.member);
      if (tf?.code === 'AM106' && findTransform('propagate-async')) {
        fix = {
          ...fixFromFinding(tf),
          description: 'async-migrate run: propagate-async makes the enclosing function and its callers async, then fs-promises rewrites the call — unless a caller must stay synchronous (`async-migrate plan` shows the chain and the reason)',
        };
      } else if (tf) fix = fixFromFinding(tf);
      else if (site.member.endsWith('Sync') || site.member === 'realpathSync.native') fix = { description: MANUAL_FIX.fs };
    } else {
      const tf = lookupOther(f.line, f.column, site.member);
      if (tf?.code === 'AM106' && findTransform('propagate-async')) {
        fix = {
          ...fixFromFinding(tf),
          description: 'async-migrate run: propagate-async makes the enclosing function and its callers async, then blocking-apis rewrites the call — unless a caller must stay synchronous (`async-migrate plan` shows the chain and the reason)',
        };
      } else fix = tf ? fixFromFinding(tf) : { description: MANUAL_FIX[site.family] };
    }
    if (fix) f.fix = fix;
  }
}

/** Severity first (critical first), then file, line, column, rule. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
