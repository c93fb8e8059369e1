/**
 * The report's overview sections, computed once into the result so every format shows the same:
 * what is already async (entry points, the share of I/O on promise APIs), the biggest risk in one
 * sentence, and what the audit covered (validation).
 */
import type { Plan } from '../core/plan';
import { getReason, type ReasonCodeId } from '../core/reasons';
import type { AuditCallGraph, GraphFunction } from './call-graph';
import { getRuleOrThrow, severityRank } from './rules';
import type { AuditAlreadyAsync, AuditFinding, AuditResult, AuditValidation } from './types';

/** Reason codes of calls `run`'s analysis could not resolve (shown under validation). */
const UNRESOLVED_CODES: readonly ReasonCodeId[] = ['AM109', 'AM112', 'AM113', 'AM325'];

/**
 * Async functions no audited function calls (only module top level, if anything): the async entry
 * points (handlers, `main`, test bodies).
 * @param functions every function of the audited files (the call graph's nodes)
 */
export function asyncEntryPoints(functions: readonly GraphFunction[], graph: AuditCallGraph): AuditAlreadyAsync['entryPoints'] {
  return functions
    .filter((fn) => fn.isAsync && !fn.mergedInto && graph.callersOf(fn.id).every((e) => /#(top|main)$/.test(e.caller.id)))
    .map((fn) => ({ name: fn.name, file: fn.file, line: fn.line }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** The "already async" section from the entry points and the score's `all` bucket. */
export function alreadyAsyncOf(result: AuditResult, entryPoints: AuditAlreadyAsync['entryPoints']): AuditAlreadyAsync {
  const all = result.score.all ?? { total: 0, nonBlocking: 0, percent: 100, byModule: {} };
  return { entryPoints, io: { total: all.total, nonBlocking: all.nonBlocking, percent: all.percent }, byModule: all.byModule };
}

/**
 * One sentence on the biggest risk: the rule with the worst severity (then the most findings) among
 * the findings not deferred on purpose, where most of them are, how many `run` fixes, and how many
 * more of that rule are deferred. Undefined when there are no findings.
 */
export function biggestRiskOf(findings: readonly AuditFinding[]): string | undefined {
  const open = findings.filter((f) => f.fix?.verdict !== 'deferred');
  const byRule = new Map<string, AuditFinding[]>();
  for (const f of open.length > 0 ? open : findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const [rule, list] = [...byRule].sort(([ra, a], [rb, b]) => severityRank(a[0].severity) - severityRank(b[0].severity) || b.length - a.length || (ra < rb ? -1 : 1))[0] ?? [];
  if (!rule || !list) return undefined;
  const byFile = new Map<string, number>();
  for (const f of list) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
  const [topFile, topCount] = [...byFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const title = getRuleOrThrow(rule).reason.title;
  const where = list.length === 1 ? `at ${list[0].file}:${list[0].line}` : byFile.size === 1 ? `all in ${topFile}` : `${topCount} of them in ${topFile}`;
  const fixed = list.filter((f) => f.fix?.verdict === 'run-rewrites').length;
  const verdicts = list.some((f) => f.fix?.verdict) ? `; async-migrate run fixes ${fixed} of ${list.length === 1 ? 'it' : 'them'}` : '';
  const deferred = open.length > 0 ? findings.filter((f) => f.rule === rule && f.fix?.verdict === 'deferred').length : 0;
  const more = deferred > 0 ? ` (${deferred} more are deferred on purpose)` : '';
  return `${list.length} ${list[0].severity} finding${list.length === 1 ? '' : 's'}: ${title} (${rule}), ${where}${verdicts}${more}.`;
}

/** What the audit covered: files, the tsconfig, the call graph, and what `run`'s analysis could not resolve. */
export function validationOf(result: AuditResult, plan: Plan | undefined, runFindings: readonly { code: string }[], runView: string): AuditValidation {
  const unresolved: Record<string, number> = {};
  for (const f of runFindings) if ((UNRESOLVED_CODES as readonly string[]).includes(f.code)) unresolved[f.code] = (unresolved[f.code] ?? 0) + 1;
  return {
    filesAudited: result.files.length - result.errors.filter((e) => result.files.includes(e.file)).length,
    filesNotAudited: result.errors.length,
    ...(plan ? { tsconfig: plan.tsconfig } : {}),
    callGraph: result.callGraph,
    unresolved: Object.fromEntries(Object.entries(unresolved).sort(([a], [b]) => (a < b ? -1 : 1))),
    runView,
  };
}

/** `AM112 method called through a value of unknown type` — the title of an unresolved-call code. */
export function unresolvedTitle(code: string): string {
  return `${code} ${getReason(code as ReasonCodeId).title}`;
}
