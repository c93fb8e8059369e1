/**
 * The terminal report of `async-migrate audit` (`--format text`, the default): a summary with the
 * async score, then the findings grouped by severity and file, each with its fix or why there is
 * none, and the baseline comparison when there is one.
 *
 * ```
 * async-migrate audit: 3 files, 3 findings (high 2, low 1)
 * async score: 33.3% — 1 of 3 I/O call sites on async paths are non-blocking
 *   fs: 3 call sites, 1 non-blocking (33.3%)
 *   by folder: src 2/2 (100%), src/lib 1/3 (33.3%)
 *
 * HIGH (2)
 *   src/settings.ts
 *     8:10  AM603  blocking call readFileSync() in synchronous readSettingsFile, reached from async code: …
 *           fix: fs-promises leaves it alone: AM106 call is in a synchronous function: needs propagate-async
 * ```
 */
import type { Colors } from 'picocolors/types';
import { signed, type BaselineDelta } from './baseline';
import { SEVERITIES } from './rules';
import type { AuditResult, ScoreBucket } from './types';
import { groupFindings, siteDetail } from './group-findings';
import { planLines } from './render-text-plan';
import { formatRunOutlook } from '../report/outlook';

/** `fs: 412 call sites, 389 non-blocking (94.4%)` */
export function formatBucket(name: string, b: ScoreBucket): string {
  return `${name}: ${b.total} call site${b.total === 1 ? '' : 's'}, ${b.nonBlocking} non-blocking (${b.percent}%)`;
}

/** `critical 2, high 3` (only non-zero severities), or `none`. */
export function formatCounts(counts: AuditResult['counts']): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** Lines describing a baseline comparison (shared by the text and Markdown reports). */
export function baselineLines(delta: BaselineDelta): string[] {
  const lines = [`score: ${delta.score.before}% → ${delta.score.after}% (${signed(delta.score.change)} points)`];
  const counts = SEVERITIES.filter((s) => delta.counts[s].before !== delta.counts[s].after).map((s) => `${s} ${delta.counts[s].before} → ${delta.counts[s].after}`);
  lines.push(`findings: ${counts.length ? counts.join(', ') : 'same counts per severity'}; ${delta.added.length} new, ${delta.fixed.length} fixed`);
  for (const [folder, p] of Object.entries(delta.byFolder)) {
    if (p.before !== p.after) lines.push(`folder ${folder}: ${p.before ?? '—'}% → ${p.after ?? '—'}%`);
  }
  return lines;
}

/**
 * Render the text report.
 * @param c colours (picocolors; pass a disabled instance for plain text)
 * @returns text ending in a newline
 */
export function renderAuditText(result: AuditResult, c: Colors, delta?: BaselineDelta): string {
  const out: string[] = [];
  const { score } = result;
  out.push(c.bold(`async-migrate audit: ${result.files.length} file${result.files.length === 1 ? '' : 's'}, ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${formatCounts(result.counts)})`));
  if (score.overall.total === 0) out.push(`async score: ${c.bold('—')} no I/O call site is on an async path`);
  else out.push(`async score: ${c.bold(`${score.overall.percent}%`)} — ${score.overall.nonBlocking} of ${score.overall.total} I/O call sites on async paths are non-blocking`);
  if (score.all) out.push(`all I/O: ${score.all.total === 0 ? 'no I/O call site' : `${score.all.percent}% — ${score.all.nonBlocking} of ${score.all.total} I/O call sites are non-blocking`}`);
  for (const [family, bucket] of Object.entries(score.byModule)) out.push(`  ${formatBucket(family, bucket)}`);
  const folders = Object.entries(score.byFolder);
  if (folders.length > 1) {
    out.push('  by folder:');
    for (const [folder, bucket] of folders) out.push(`    ${formatBucket(folder, bucket)}`);
  }
  const outlook = formatRunOutlook(result);
  if (score.excluded > 0) out.push(`  (${score.excluded} blocking call${score.excluded === 1 ? '' : 's'} at top level, in CLI-only code or not reached from async code: not counted)`);
  if (outlook) out.push(outlook);
  if (result.biggestRisk) out.push(`biggest risk: ${result.biggestRisk}`);
  if (delta) {
    out.push('', c.bold('since the baseline:'));
    for (const line of baselineLines(delta)) out.push(`  ${line}`);
  }

  out.push(...planLines(result, c));

  const colorOf = { critical: c.red, high: c.red, medium: c.yellow, low: c.cyan, info: c.dim } as const;
  for (const sev of groupFindings(result)) {
    out.push('', colorOf[sev.severity](c.bold(`${sev.severity.toUpperCase()} (${sev.count})`)));
    for (const { file, groups } of sev.files) {
      out.push(`  ${c.bold(file)}`);
      for (const g of groups) {
        for (const f of g.findings) {
          const where = `${f.line}:${f.column}`.padEnd(7);
          const detail = siteDetail(f);
          out.push(`    ${where} ${colorOf[sev.severity](f.rule)}  ${f.message}${detail ? c.dim(` ${detail}`) : ''}`);
        }
        if (g.fix) out.push(c.dim(`            fix${g.findings.length > 1 ? ` (${g.findings.length} sites above)` : ''}: ${g.fix}`));
      }
    }
  }
  if (result.errors.length > 0) {
    out.push('', c.red(c.bold(`NOT AUDITED (${result.errors.length})`)));
    for (const e of result.errors) out.push(`  ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  }
  if (result.warnings.length > 0) {
    out.push('', c.yellow(c.bold(`WARNINGS (${result.warnings.length})`)));
    for (const w of result.warnings) out.push(`  ${w.file}: ${w.message}`);
  }
  out.push('', c.dim(`call graph: ${result.callGraph.kind}${result.callGraph.note ? ` — ${result.callGraph.note}` : ''}`));
  for (const s of result.skipped) out.push(c.dim(`skipped: ${s}`));
  return `${out.join('\n')}\n`;
}
