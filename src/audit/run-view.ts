/**
 * The audit's fixes as `async-migrate run` would apply them. The CLI runs `run`'s own pipeline as a
 * dry run on the audited files (src/cli/audit-dry-run.ts, the same code `run --check` runs: plan,
 * transforms, verification); this module reads its findings and plan and never re-derives them:
 * - a blocking call a transform rewrites gets that rewrite as its fix (`run-rewrites`), with the
 *   change set whose functions must become async first;
 * - a call `run` leaves sync gets `hand-fix` with `run`'s own message, which names the blocker and
 *   its location (`readFileSync stays sync: … constructor of ReportTemplate (src/template.ts:32, AM101)`),
 *   or `deferred` when the reason is a policy the user can change ({@link DEFERRED_CODES});
 * - a call no transform reports keeps its hint and is a hand fix.
 * So after `run --write`, the audit promises nothing a second `run` would not do.
 */
import type { Finding } from '../core/findings';
import type { Plan } from '../core/plan';
import { getReason, type ReasonCodeId } from '../core/reasons';
import type { AuditDeferred, AuditFinding, AuditFix, AuditResult, AuditSite } from './types';

/** The dry run's output the audit reads (plain data). */
export interface RunDryRun {
  /** Every finding of the run (rewritten and left-alone sites), display paths as the audit's. */
  findings: readonly Finding[];
  /** The plan propagate-async made and verification narrowed (absent when there was none). */
  plan?: Plan;
  /** The run's summary counts (src/report/summary.ts `countRun`). */
  counts: { changed: number; sitesRewritten: number; sitesLeftAlone: number };
}

/** Audit rules whose site is one blocking call. */
export const BLOCKING_RULES: ReadonlySet<string> = new Set(['AM601', 'AM602', 'AM603', 'AM611', 'AM612', 'AM613']);

/**
 * Reasons that keep a call sync on purpose, by a decision the user can change (the reason's `fix`
 * says how): CommonJS top level (AM104), mocked by the tests (AM208), published API kept (AM330),
 * `*Sync`-named functions (AM332), test fixture I/O (AM333), outside the given paths (AM347).
 */
export const DEFERRED_CODES: ReadonlySet<string> = new Set(['AM104', 'AM208', 'AM330', 'AM332', 'AM333', 'AM347']);

const key = (file: string, line: number, column: number) => `${file}:${line}:${column}`;

/** Transforms whose findings are about whole functions or statements, never one blocking call. */
const WHOLE_FUNCTION_TRANSFORMS: ReadonlySet<string> = new Set(['collapse-delegation', 'hoist-switch-await']);

const memberOf = (subject: string | undefined) => (subject ?? '').split('.').pop() ?? '';

/**
 * Pair each audit blocking-call finding with `run`'s finding about the same call (not
 * propagate-async's edits of functions and awaits). fs-promises runs after propagate-async and
 * reports positions in the text as propagation left it, where an inserted `await` or a restructured
 * callback shifts the columns (and sometimes the lines) of a call. So: the same position first, then
 * the same line and callee in source order, then the same file and callee in source order, then the
 * same line — each only where both sides have as many of them.
 */
function matchRunFindings(sites: readonly AuditFinding[], findings: readonly Finding[]): Map<AuditFinding, Finding> {
  const free = findings.filter((f) => !(f.transform === 'propagate-async' && f.kind === 'rewritten') && !WHOLE_FUNCTION_TRANSFORMS.has(f.transform));
  const used = new Set<Finding>();
  const out = new Map<AuditFinding, Finding>();
  const pair = (keyOfSite: (f: AuditFinding) => string, keyOfRun: (r: Finding) => string, sameCount: boolean) => {
    const runs = new Map<string, Finding[]>();
    for (const r of free) if (!used.has(r)) runs.set(keyOfRun(r), [...(runs.get(keyOfRun(r)) ?? []), r]);
    const open = new Map<string, AuditFinding[]>();
    for (const f of sites) if (!out.has(f)) open.set(keyOfSite(f), [...(open.get(keyOfSite(f)) ?? []), f]);
    for (const [k, list] of open) {
      const candidates = runs.get(k) ?? [];
      if (sameCount && candidates.length !== list.length) continue;
      list.forEach((f, i) => {
        const r = candidates[i];
        if (!r) return;
        out.set(f, r);
        used.add(r);
      });
    }
  };
  pair((f) => key(f.file, f.line, f.column), (r) => key(r.file, r.line, r.column), true);
  pair((f) => `${f.file}:${f.line}:${memberOf(f.subject)}`, (r) => `${r.file}:${r.line}:${memberOf(r.subject)}`, true);
  pair((f) => `${f.file}:${memberOf(f.subject)}`, (r) => `${r.file}:${memberOf(r.subject)}`, true);
  // an aliased import (`readFileSync as read`): the audit names the local binding, the transform the member
  pair((f) => `${f.file}:${f.line}`, (r) => `${r.file}:${r.line}`, true);
  return out;
}

/** Where the plan rewrites a seed site: `file:line:column` → change set id. */
function seedSetsOf(plan: Plan | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const fp of Object.values(plan?.files ?? {})) {
    for (const s of fp.seedSites) if (s.changeSet) out.set(key(s.file, s.line, s.column), s.changeSet);
  }
  return out;
}

/** The fix `run` makes it: its rewrite, or why it leaves the site sync. */
function fixOf(f: AuditFinding, r: Finding | undefined, changeSet: string | undefined, plan: Plan | undefined): AuditFix {
  if (r && r.kind === 'rewritten') {
    const set = changeSet ? plan?.changeSets?.find((s) => s.id === changeSet) : undefined;
    const shown = r.replacement ? ` to \`${r.replacement.replace(/\s*\n\s*/g, ' ')}\`` : '';
    const after = set ? ` once change set ${set.id} (${set.label}) makes ${f.function ?? 'its function'} async` : '';
    return { description: `async-migrate run rewrites it${shown} (${r.code})${after}`, transform: r.transform, code: r.code, replacement: r.replacement, verdict: 'run-rewrites', ...(changeSet ? { changeSet } : {}) };
  }
  if (r && DEFERRED_CODES.has(r.code)) {
    const reason = getReason(r.code);
    return { description: `left sync on purpose: ${r.code} ${reason.title}; to change it: ${reason.fix}`, transform: r.transform, code: r.code, verdict: 'deferred', blocker: r.message };
  }
  if (r) return { description: `needs a hand fix: async-migrate run leaves it sync (${r.code}): ${r.message}`, transform: r.transform, code: r.code, verdict: 'hand-fix', blocker: r.message };
  const hint = f.fix?.description && !f.fix.code ? f.fix.description : 'no transform rewrites it';
  return { description: `needs a hand fix: async-migrate run leaves it as it is (${hint})`, verdict: 'hand-fix', blocker: hint };
}

/** An audit finding as a section site, with the run's code and message when there is one. */
function siteOf(f: AuditFinding, r: Finding | undefined): AuditSite {
  return { file: f.file, line: f.line, column: f.column, subject: f.subject, code: r?.code ?? 'none', message: r?.message ?? f.message };
}

/**
 * Give every blocking-call finding of `result` the fix `run` makes, and fill `result.run` and
 * `result.deferred`. Mutates `result`.
 */
export function applyRunView(result: AuditResult, run: RunDryRun): void {
  const matched = matchRunFindings(result.findings.filter((f) => BLOCKING_RULES.has(f.rule)), run.findings);
  const seedSets = seedSetsOf(run.plan);
  const blocking = { total: 0, rewritten: 0, deferred: 0, handFix: 0 };
  const byCode: Record<string, number> = {};
  const deferred = new Map<string, AuditSite[]>();
  for (const f of result.findings) {
    if (!BLOCKING_RULES.has(f.rule)) continue;
    const r = matched.get(f);
    f.fix = fixOf(f, r, seedSets.get(key(f.file, f.line, f.column)), run.plan);
    blocking.total++;
    if (f.fix.verdict === 'run-rewrites') {
      blocking.rewritten++;
      continue;
    }
    const code = r?.code ?? 'none';
    byCode[code] = (byCode[code] ?? 0) + 1;
    if (f.fix.verdict === 'deferred') {
      blocking.deferred++;
      deferred.set(code, [...(deferred.get(code) ?? []), siteOf(f, r)]);
    } else blocking.handFix++;
  }
  result.run = {
    filesChanged: run.counts.changed,
    sitesRewritten: run.counts.sitesRewritten,
    sitesLeftAlone: run.counts.sitesLeftAlone,
    blocking,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1))),
    changeSets: (run.plan?.changeSets ?? []).map((s) => s.id),
    dropped: (run.plan?.droppedChangeSets ?? []).map((d) => ({ id: d.id, label: d.label, code: d.code, why: d.why })),
  };
  result.deferred = [...deferred.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, sites]): AuditDeferred => {
    const reason = getReason(code as ReasonCodeId);
    return { code, title: reason.title, howToChange: reason.fix, sites };
  });
}

/** The site of a blocking-call finding for the plan's sections (hand fixes): `run`'s code and message. */
export function handFixSite(f: AuditFinding): AuditSite {
  return { file: f.file, line: f.line, column: f.column, subject: f.subject, code: f.fix?.code ?? 'none', message: f.fix?.blocker ?? f.message };
}
