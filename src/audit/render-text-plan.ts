/**
 * The terminal report's plan lines: the phases (one line per change set with its command, size and
 * exported signatures), what stays sync outside every phase, and the deferred groups with how to
 * change the decision. The Markdown report has the full sections (./render-markdown-sections.ts).
 */
import type { Colors } from 'picocolors/types';
import type { AuditResult, AuditSite } from './types';

const siteText = (s: AuditSite) => `${s.file}:${s.line}:${s.column}${s.code === 'none' ? '' : ` ${s.code}`}: ${s.message}`;

/** Lines for the phased plan and the deferred sites (empty without `run`'s dry run). */
export function planLines(result: AuditResult, c: Colors): string[] {
  const out: string[] = [];
  if (result.phases && result.phases.length > 0) {
    out.push('', c.bold(`PHASED PLAN (${result.phases.length} change set${result.phases.length === 1 ? '' : 's'}, in this order)`));
    for (const p of result.phases) {
      out.push(`  ${p.order}. ${p.id} ${p.label}${p.severity ? ` — fixes ${p.findings} finding${p.findings === 1 ? '' : 's'}, worst ${p.severity}` : ''}: ${p.functions.length} function${p.functions.length === 1 ? '' : 's'} async, ${p.callSites} call site${p.callSites === 1 ? '' : 's'}, ${p.rewrites} blocking call${p.rewrites === 1 ? '' : 's'} rewritten in ${p.files.length} file${p.files.length === 1 ? '' : 's'}`);
      out.push(c.dim(`     ${p.command}`));
      if (p.exportedApi.length) out.push(`     exported signatures that change: ${p.exportedApi.join(', ')}`);
      for (const s of p.staysSync) out.push(`     stays sync: ${siteText(s)}`);
      for (const s of p.handFix) out.push(`     hand fix: ${siteText(s)}`);
    }
  }
  const u = result.unphased;
  for (const s of u?.staysSync ?? []) out.push(`  outside every phase, stays sync: ${siteText(s)}`);
  for (const s of u?.handFix ?? []) out.push(`  outside every phase, hand fix: ${siteText(s)}`);
  if (result.deferred && result.deferred.length > 0) {
    out.push('', c.bold('DEFERRED (left sync on purpose)'));
    for (const d of result.deferred) out.push(`  ${d.code} ${d.title}: ${d.sites.length} site${d.sites.length === 1 ? '' : 's'}; to change it: ${d.howToChange}`);
  }
  return out;
}
