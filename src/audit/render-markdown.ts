/**
 * The Markdown report of `async-migrate audit` (`--format markdown`), the document a team acts on:
 * executive summary (both scores, counts, the biggest risk, what `run` fixes and what it leaves),
 * the score tables, what is already async, the phased plan by change set, the deferred sites, the
 * findings grouped per severity, file, rule and fix (the fix said once per group, every site with
 * its rule and location), the rules that occur, and validation. GitHub-Flavoured Markdown; a test
 * renders it to HTML.
 */
import { signed, type BaselineDelta } from './baseline';
import { groupFindings, siteDetail } from './group-findings';
import { alreadyAsyncSection, deferredSection, phasesSection, summarySection, validationSection } from './render-markdown-sections';
import { getRuleOrThrow, SEVERITIES } from './rules';
import type { AuditResult, ScoreBucket } from './types';
import { code, escapeText, prose, table } from '../report/markdown';

const TITLE: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

function scoreRows(buckets: Record<string, ScoreBucket>): string[][] {
  return Object.entries(buckets).map(([name, b]) => [name, String(b.total), String(b.nonBlocking), `${b.percent}%`]);
}

/** Render the Markdown report (ends in a newline). */
export function renderAuditMarkdown(result: AuditResult, delta?: BaselineDelta): string {
  const out: string[] = [];
  const s = result.score;
  out.push('# async-migrate audit', '');
  out.push(...summarySection(result));
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
  out.push('## Async score', '');
  // no I/O on an async path: no score to show (100 % would read as "all async" for a synchronous program)
  if (s.overall.total === 0) out.push(`**Async score: —** no I/O call site is on an async path (${result.files.length} files audited).`, '');
  else out.push(`**Async score: ${s.overall.percent}%** — ${s.overall.nonBlocking} of ${s.overall.total} I/O call sites on async paths are non-blocking (${result.files.length} files audited).`, '');
  if (Object.keys(s.byModule).length > 0) {
    out.push(table(['module', 'call sites', 'non-blocking', 'score'], scoreRows(s.byModule), ['l', 'r', 'r', 'r']), '');
  }
  if (Object.keys(s.byFolder).length > 1) {
    out.push('<details><summary>Score by folder</summary>', '');
    out.push(table(['folder', 'call sites', 'non-blocking', 'score'], scoreRows(s.byFolder), ['l', 'r', 'r', 'r']), '', '</details>', '');
  }
  if (s.excluded > 0) out.push(`${s.excluded} blocking call${s.excluded === 1 ? ' is' : 's are'} at top level, in CLI-only code or not reached from async code: reported below, not counted in the score.`, '');
  out.push(...alreadyAsyncSection(result), ...phasesSection(result), ...deferredSection(result));

  out.push('## Findings', '');
  out.push(table(['severity', 'findings'], SEVERITIES.map((sev) => [sev, String(result.counts[sev])]), ['l', 'r']), '');
  for (const sev of groupFindings(result)) {
    out.push(`### ${TITLE[sev.severity]} (${sev.count})`, '');
    for (const { file, groups } of sev.files) {
      out.push(`#### ${code(file)}`, '');
      for (const g of groups) {
        out.push(`- **${g.rule}** ${getRuleOrThrow(g.rule).name} (${g.findings.length}) — fix: ${g.fix ? prose(g.fix) : 'none known'}`);
        for (const f of g.findings) {
          const detail = siteDetail(f);
          out.push(`  - ${code(`${f.file}:${f.line}:${f.column}`)} ${prose(f.message)}${detail ? ` ${detail.startsWith('→') ? `→ ${code(detail.slice(2))}` : prose(detail)}` : ''}`);
        }
      }
      out.push('');
    }
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
  out.push(...validationSection(result));
  if (!result.validation) out.push(`<sub>Call graph: ${escapeText(result.callGraph.kind)}${result.callGraph.note ? ` (${escapeText(result.callGraph.note)})` : ''}.${result.skipped.map((x) => ` Skipped: ${escapeText(x)}.`).join('')}</sub>`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
