/**
 * The Markdown report's sections beyond the findings: executive summary, already async, the phased
 * plan, deferred sites and validation. Each reads the result's data (src/audit/report-types.ts), so
 * the JSON report holds the same numbers.
 */
import { code, escapeText, prose, table } from '../report/markdown';
import { formatRunOutlook } from '../report/outlook';
import { SEVERITIES } from './rules';
import { unresolvedTitle } from './overview';
import type { AuditResult, AuditSite, ScoreBucket } from './types';

/** At most this many entries of a list are shown; the rest are counted. */
const LIST_CAP = 12;

/** `33.3% (1 of 3 I/O call sites on async paths are non-blocking)`, or a dash when there are none. */
export function scoreText(b: ScoreBucket, what: string): string {
  return b.total === 0 ? `— (no I/O call site ${what})` : `${b.percent}% (${b.nonBlocking} of ${b.total} I/O call sites ${what} are non-blocking)`;
}

const siteLine = (s: AuditSite) => `- ${code(`${s.file}:${s.line}:${s.column}`)} ${s.subject ? `${code(s.subject)} ` : ''}${s.code === 'none' ? '' : `(${s.code})`}: ${escapeText(s.message)}`;

function capped<T>(items: readonly T[], line: (item: T) => string): string[] {
  const out = items.slice(0, LIST_CAP).map(line);
  if (items.length > LIST_CAP) out.push(`- … and ${items.length - LIST_CAP} more`);
  return out;
}

/** Executive summary: both scores, counts by severity, the biggest risk, what `run` fixes and what it leaves. */
export function summarySection(result: AuditResult): string[] {
  const s = result.score;
  const out = ['## Executive summary', ''];
  out.push(`- **Async score on async paths: ${scoreText(s.overall, 'on async paths')}**`);
  if (s.all) out.push(`- All I/O: ${scoreText(s.all, 'in the audited files')}`);
  out.push(`- Findings: ${result.findings.length} (${SEVERITIES.map((sev) => `${sev} ${result.counts[sev]}`).join(', ')}) in ${result.files.length} files audited`);
  if (result.biggestRisk) out.push(`- Biggest risk: ${escapeText(result.biggestRisk)}`);
  const outlook = formatRunOutlook(result);
  if (outlook) out.push(`- ${prose(outlook)}`);
  if (result.run) out.push(`- \`async-migrate run --check\` acts on the same: ${result.run.filesChanged} files would change, ${result.run.sitesRewritten} sites rewritten, ${result.run.sitesLeftAlone} left alone`);
  out.push('');
  return out;
}

/** Already async: the async entry points and the share of I/O on promise APIs per module family. */
export function alreadyAsyncSection(result: AuditResult): string[] {
  const a = result.alreadyAsync;
  if (!a) return [];
  const out = ['## Already async', ''];
  out.push(`${a.entryPoints.length} async entry point${a.entryPoints.length === 1 ? '' : 's'} (async functions no audited function calls)${a.entryPoints.length ? ':' : '.'}`, '');
  if (a.entryPoints.length) out.push(...capped(a.entryPoints, (e) => `- ${code(e.name)} ${code(`${e.file}:${e.line}`)}`), '');
  const rows = Object.entries(a.byModule).map(([m, b]) => [m, String(b.total), String(b.nonBlocking), `${b.percent}%`]);
  out.push(`I/O already on promise or callback APIs: ${a.io.nonBlocking} of ${a.io.total} call sites${a.io.total ? ` (${a.io.percent}%)` : ''}.`, '');
  if (rows.length) out.push(table(['module', 'I/O call sites', 'promise or callback API', 'share'], rows, ['l', 'r', 'r', 'r']), '');
  return out;
}

/** The phased plan: one subsection per change set, in order, then the hand fixes no phase's files hold. */
export function phasesSection(result: AuditResult): string[] {
  if (!result.phases) return [];
  const out = ['## Phased plan', ''];
  if (result.phases.length === 0) out.push('No change set: `async-migrate run` would make no function async.', '');
  else out.push(`${result.phases.length} phase${result.phases.length === 1 ? '' : 's'}, one per change set (the functions that must become async together and every call that must await them), most severe first, then smallest first. Each can be applied and reviewed alone.`, '');
  for (const p of result.phases) {
    out.push(`### Phase ${p.order}: ${code(p.id)} ${escapeText(p.label)}${p.severity ? ` — fixes ${p.findings} finding${p.findings === 1 ? '' : 's'}, worst ${p.severity}` : ''}`, '');
    out.push(`- Does: \`${p.command}\` makes ${p.functions.length} function${p.functions.length === 1 ? '' : 's'} async, awaits or restructures ${p.callSites} call site${p.callSites === 1 ? '' : 's'} and rewrites ${p.rewrites} blocking call${p.rewrites === 1 ? '' : 's'}`);
    out.push(`- Files (${p.files.length}): ${p.files.map(code).join(', ')}`);
    out.push(`- Functions: ${p.functions.slice(0, LIST_CAP).map((f) => code(`${f.name}`)).join(', ')}${p.functions.length > LIST_CAP ? `, … and ${p.functions.length - LIST_CAP} more` : ''}`);
    out.push(`- Exported signatures that change: ${p.exportedApi.length ? p.exportedApi.map(code).join(', ') : 'none'}`);
    if (p.followers.length) out.push(`- Files that only follow (they await what this phase makes async): ${p.followers.map(code).join(', ')}`);
    if (p.staysSync.length) out.push('- Stays sync in these files (run leaves them; the blocker is named):', ...siteList(p.staysSync));
    if (p.handFix.length) out.push('- Needs a hand fix (no transform):', ...siteList(p.handFix));
    out.push('');
  }
  const u = result.unphased;
  if (u && u.staysSync.length + u.handFix.length > 0) {
    out.push('### Outside every phase', '');
    if (u.staysSync.length) out.push('Stays sync (run leaves them; the blocker is named):', '', ...capped(u.staysSync, siteLine), '');
    if (u.handFix.length) out.push('Needs a hand fix (no transform):', '', ...capped(u.handFix, siteLine), '');
  }
  for (const d of result.run?.dropped ?? []) out.push(`- Dropped ${code(d.id)} ${escapeText(d.label)} (${d.code}): ${escapeText(d.why)}`);
  return out;
}

const siteList = (sites: readonly AuditSite[]) => capped(sites, (s) => `  ${siteLine(s)}`);

/** Deferred: sites left sync on purpose, per reason code, with how to change the decision. */
export function deferredSection(result: AuditResult): string[] {
  if (!result.deferred || result.deferred.length === 0) return [];
  const out = ['## Deferred', '', 'Blocking calls `async-migrate run` leaves sync on purpose. Each group says how to change that decision.', ''];
  for (const d of result.deferred) {
    const files = new Map<string, number>();
    for (const s of d.sites) files.set(s.file, (files.get(s.file) ?? 0) + 1);
    out.push(`### ${d.code} ${escapeText(d.title)} (${d.sites.length})`, '', `To change it: ${prose(d.howToChange)}`, '');
    out.push(...capped([...files], ([file, n]) => `- ${code(file)}: ${n} site${n === 1 ? '' : 's'}`), '');
  }
  return out;
}

/** Validation: files, tsconfig, call graph, what could not be resolved, and whether `run` informed the report. */
export function validationSection(result: AuditResult): string[] {
  const v = result.validation;
  if (!v) return [];
  const out = ['## Validation', ''];
  out.push(`- Files audited: ${v.filesAudited}${v.filesNotAudited ? `; not audited: ${v.filesNotAudited} (listed under Not audited)` : ''}`);
  if (v.tsconfig !== undefined) out.push(`- Project: ${v.tsconfig === null ? 'no tsconfig (an inferred allowJs config)' : code(v.tsconfig)}`);
  out.push(`- Call graph: ${escapeText(v.callGraph.kind)}${v.callGraph.note ? ` — ${escapeText(v.callGraph.note)}` : ''}`);
  const unresolved = Object.entries(v.unresolved);
  out.push(`- Not resolved by run's analysis: ${unresolved.length ? unresolved.map(([c, n]) => `${escapeText(unresolvedTitle(c))} ×${n}`).join(', ') : 'nothing reported (calls through values passed to unknown code are not followed and not counted)'}`);
  out.push(`- What run would do: ${prose(v.runView)}`);
  for (const s of result.skipped) out.push(`- Skipped: ${escapeText(s)}`);
  out.push('');
  return out;
}
