/**
 * `--baseline old.json`: compare this audit with a saved `--format json` run.
 *
 * Findings are matched by rule, file and subject (not by line, which moves with unrelated edits);
 * equal keys are matched as a multiset, so two `readFileSync` sites in a file where there were three
 * before is one fixed finding.
 */
import { SEVERITIES, type Severity } from './rules';
import type { AuditFinding, AuditResult, ScoreBucket } from './types';

/** The change between a saved run and this one. */
export interface BaselineDelta {
  /** Overall score then and now (percent), and the difference in percentage points. */
  score: { before: number; after: number; change: number };
  /** Per module family and per folder: before and after percent (missing side: undefined). */
  byModule: Record<string, { before?: number; after?: number }>;
  byFolder: Record<string, { before?: number; after?: number }>;
  /** Count per severity, before and after. */
  counts: Record<Severity, { before: number; after: number }>;
  /** Findings in this run that the baseline did not have. */
  added: AuditFinding[];
  /** Findings of the baseline that this run no longer has. */
  fixed: AuditFinding[];
}

const keyOf = (f: AuditFinding) => `${f.rule}\u0000${f.file}\u0000${f.subject ?? ''}`;

function multisetDiff(a: readonly AuditFinding[], b: readonly AuditFinding[]): AuditFinding[] {
  const remaining = new Map<string, number>();
  for (const f of b) remaining.set(keyOf(f), (remaining.get(keyOf(f)) ?? 0) + 1);
  const out: AuditFinding[] = [];
  for (const f of a) {
    const n = remaining.get(keyOf(f)) ?? 0;
    if (n > 0) remaining.set(keyOf(f), n - 1);
    else out.push(f);
  }
  return out;
}

function percents(before: Record<string, ScoreBucket>, after: Record<string, ScoreBucket>): Record<string, { before?: number; after?: number }> {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return Object.fromEntries(keys.map((k) => [k, { before: before[k]?.percent, after: after[k]?.percent }]));
}

/**
 * Read a saved audit JSON document.
 * @throws Error with a message naming `label` when the text is not an audit result of schema 1
 */
export function parseBaselineOrThrow(text: string, label: string): AuditResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label}: not JSON (${(error as Error).message}); save a baseline with \`async-migrate audit --format json -o ${label}\``);
  }
  const r = data as Partial<AuditResult>;
  if (!r || r.schemaVersion !== 1 || !Array.isArray(r.findings) || !r.score?.overall) {
    throw new Error(`${label}: not an async-migrate audit result (schemaVersion 1); save one with \`async-migrate audit --format json -o ${label}\``);
  }
  return r as AuditResult;
}

/** Compare `after` (this run) with `before` (the baseline). */
export function compareWithBaseline(before: AuditResult, after: AuditResult): BaselineDelta {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, { before: before.counts?.[s] ?? before.findings.filter((f) => f.severity === s).length, after: after.counts[s] }])) as BaselineDelta['counts'];
  const exact = (x: ScoreBucket) => (x.total > 0 ? (x.nonBlocking / x.total) * 100 : 100);
  const b = before.score.overall;
  const a = after.score.overall;
  return {
    // the change from the exact shares, not from the rounded percentages
    score: { before: b.percent, after: a.percent, change: Math.round((exact(a) - exact(b)) * 10) / 10 },
    byModule: percents(before.score.byModule ?? {}, after.score.byModule),
    byFolder: percents(before.score.byFolder ?? {}, after.score.byFolder),
    counts,
    added: multisetDiff(after.findings, before.findings),
    fixed: multisetDiff(before.findings, after.findings),
  };
}

/** `+1.5`, `-0.3`, `±0` */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${n}` : String(n);
}
