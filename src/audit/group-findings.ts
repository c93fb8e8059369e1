/**
 * Findings grouped for the text and Markdown reports, so a fix is said once per group instead of
 * once per site: per severity, per file, then per rule and fix. Sites whose fix is `run`'s rewrite
 * group by the change set that makes it apply (each site keeps its own replacement text); sites
 * `run` leaves sync group by reason code (each keeps its own blocker); other findings group by
 * identical fix text. Each finding keeps its rule, severity and location.
 */
import { getReason, type ReasonCodeId } from '../core/reasons';
import { SEVERITIES, type Severity } from './rules';
import type { AuditFinding, AuditResult } from './types';

/** Findings of one file that share a rule and a fix. */
export interface FindingGroup {
  rule: string;
  /** The fix, said once for the group (undefined: no fix known). */
  fix?: string;
  findings: AuditFinding[];
}

/** The groups of one severity, per file in report order. */
export interface SeverityGroups {
  severity: Severity;
  count: number;
  files: { file: string; groups: FindingGroup[] }[];
}

/** The group key and the fix text said once for the group. */
function groupFixOf(f: AuditFinding, result: AuditResult): { key: string; text?: string } {
  const fix = f.fix;
  if (!fix) return { key: 'none' };
  if (fix.verdict === 'run-rewrites') {
    const set = fix.changeSet ? result.phases?.find((p) => p.id === fix.changeSet) : undefined;
    if (set) return { key: `set:${set.id}`, text: `async-migrate run rewrites these calls once change set ${set.id} (${set.label}, phase ${set.order}) makes their functions async: \`${set.command}\`` };
    return { key: `rewrite:${fix.transform ?? ''}`, text: `async-migrate run rewrites these calls where they are (${fix.transform ?? 'a transform'}); each site shows its rewrite` };
  }
  if (fix.verdict === 'deferred' && fix.code) {
    const r = getReason(fix.code);
    return { key: `deferred:${fix.code}`, text: `left sync on purpose: ${fix.code} ${r.title}; to change it: ${r.fix}` };
  }
  if (fix.verdict === 'hand-fix' && fix.code) return { key: `pinned:${fix.code}`, text: `needs a hand fix: async-migrate run leaves these sync (${fix.code} ${getReason(fix.code as ReasonCodeId).title}); each site names its blocker` };
  return { key: `text:${fix.description}`, text: fix.description };
}

/** What a site line shows after its message: the rewrite, or the blocker `run` names. */
export function siteDetail(f: AuditFinding): string | undefined {
  if (f.fix?.verdict === 'run-rewrites' && f.fix.replacement) return `→ ${f.fix.replacement.replace(/\s*\n\s*/g, ' ')}`;
  if (f.fix?.verdict === 'hand-fix' && f.fix.code && f.fix.blocker) return `blocker: ${f.fix.blocker}`;
  return undefined;
}

/** Group `result.findings` (sorted by severity, file, line) for rendering. */
export function groupFindings(result: AuditResult): SeverityGroups[] {
  const out: SeverityGroups[] = [];
  for (const severity of SEVERITIES) {
    const list = result.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    const files = new Map<string, Map<string, FindingGroup>>();
    for (const f of list) {
      const groups = files.get(f.file) ?? new Map<string, FindingGroup>();
      files.set(f.file, groups);
      const { key, text } = groupFixOf(f, result);
      const k = `${f.rule}\u0000${key}`;
      const group = groups.get(k) ?? { rule: f.rule, fix: text, findings: [] };
      group.findings.push(f);
      groups.set(k, group);
    }
    out.push({ severity, count: list.length, files: [...files].map(([file, groups]) => ({ file, groups: [...groups.values()] })) });
  }
  return out;
}
