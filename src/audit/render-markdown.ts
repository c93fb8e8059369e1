/**
 * The Markdown report of `async-migrate audit` (`--format markdown`): the async score with tables per
 * module family and folder, a count per severity, then one table of findings per severity
 * (location, rule, finding, fix), and the rules that appear, with their explanation and fix from
 * src/core/reasons.ts. GitHub-Flavoured Markdown; a test renders it to HTML.
 */
import { signed, type BaselineDelta } from './baseline';
import { getRuleOrThrow, SEVERITIES } from './rules';
import type { AuditResult, ScoreBucket } from './types';
import { code, escapeText, prose, table } from '../report/markdown';
import { formatOutlook, migrationOutlook } from '../report/outlook';

const TITLE: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

function scoreRows(buckets: Record<string, ScoreBucket>): string[][] {
  return Object.entries(buckets).map(([name, b]) => [name, String(b.total), String(b.nonBlocking), `${b.percent}%`]);
}

/** Render the Markdown report (ends in a newline). */
export function renderAuditMarkdown(result: AuditResult, delta?: BaselineDelta): string {
  const out: string[] = [];
  const s = result.score;
  out.push('# async-migrate audit', '');
  out.push(`**Async score: ${s.overall.percent}%** — ${s.overall.nonBlocking} of ${s.overall.total} I/O call sites on async paths are non-blocking (${result.files.length} files audited).`, '');
  if (Object.keys(s.byModule).length > 0) {
    out.push(table(['module', 'call sites', 'non-blocking', 'score'], scoreRows(s.byModule), ['l', 'r', 'r', 'r']), '');
  }
  if (Object.keys(s.byFolder).length > 1) {
    out.push('<details><summary>Score by folder</summary>', '');
    out.push(table(['folder', 'call sites', 'non-blocking', 'score'], scoreRows(s.byFolder), ['l', 'r', 'r', 'r']), '', '</details>', '');
  }
  if (s.excluded > 0) out.push(`${s.excluded} blocking call${s.excluded === 1 ? ' is' : 's are'} at top level, in CLI-only code or not reached from async code: reported below, not counted in the score.`, '');

  const outlook = formatOutlook(migrationOutlook(result));
  if (outlook) out.push(prose(outlook), '');
  if (delta) {
    out.push('## Since the baseline', '');
    out.push(`- score: ${delta.score.before}% → ${delta.score.after}% (${signed(delta.score.change)} points)`);
    out.push(`- findings: ${delta.added.length} new, ${delta.fixed.length} fixed`);
    for (const sev of SEVERITIES) {
      const c = delta.counts[sev];
      if (c.before !== c.after) out.push(`- ${sev}: ${c.before} → ${c.after}`);
    }
    out.push('');
  }

  out.push('## Findings', '');
  out.push(table(['severity', 'findings'], SEVERITIES.map((sev) => [sev, String(result.counts[sev])]), ['l', 'r']), '');
  for (const sev of SEVERITIES) {
    const findings = result.findings.filter((f) => f.severity === sev);
    if (findings.length === 0) continue;
    out.push(`### ${TITLE[sev]} (${findings.length})`, '');
    const rows = findings.map((f) => {
      const fix = f.fix ? (f.fix.replacement ? `${f.fix.transform ?? 'async-migrate'} (${f.fix.code}): ${code(f.fix.replacement)}` : prose(f.fix.description)) : '';
      return [code(`${f.file}:${f.line}:${f.column}`), f.rule, prose(f.message), fix];
    });
    out.push(table(['location', 'rule', 'finding', 'fix'], rows), '');
  }
  if (result.findings.length === 0) out.push('No findings.', '');

  const rules = [...new Set(result.findings.map((f) => f.rule))].sort();
  if (rules.length > 0) {
    out.push('## Rules', '');
    out.push(table(['rule', 'severity', 'what', 'fix'], rules.map((id) => {
      const r = getRuleOrThrow(id);
      return [`${id} ${r.name}`, r.severity, prose(`${r.reason.title}: ${r.reason.explanation}`), prose(r.reason.fix)];
    })), '');
  }
  if (result.errors.length > 0) {
    out.push('## Not audited', '');
    for (const e of result.errors) out.push(`- ${code(`${e.file}${e.line ? `:${e.line}` : ''}`)}: ${escapeText(e.message)}`);
    out.push('');
  }
  if (result.warnings.length > 0) {
    out.push('## Warnings', '');
    for (const w of result.warnings) out.push(`- ${code(w.file)}: ${escapeText(w.message)}`);
    out.push('');
  }
  out.push(`<sub>Call graph: ${escapeText(result.callGraph.kind)}${result.callGraph.note ? ` (${escapeText(result.callGraph.note)})` : ''}.${result.skipped.map((x) => ` Skipped: ${escapeText(x)}.`).join('')}</sub>`);
  return `${out.join('\n')}\n`;
}
