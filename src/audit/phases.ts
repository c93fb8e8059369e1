/**
 * The phased plan: one phase per change set of the plan `run` acts on (the dry run's plan, after
 * verification), read from the plan as it is (src/plan/change-sets.ts made the sets; nothing is
 * re-derived here). Order: the worst severity among the audit findings a phase fixes first (critical
 * before high …; a phase that fixes no finding last), then the smaller phase first (functions plus
 * call sites), then the id.
 *
 * Each phase lists the blocking calls in its files that `run` leaves sync (with `run`'s reason code
 * and message, which name the blocker) and those no transform handles; a site is listed in the first phase, in
 * order, that edits its file, and sites in no phase's files in `unphased`.
 */
import type { Plan } from '../core/plan';
import { severityRank } from './rules';
import { BLOCKING_RULES, handFixSite } from './run-view';
import type { AuditFinding, AuditPhase, AuditSite } from './types';

/** Blocking-call findings `run` leaves to a hand fix: with its reason code (a blocker) or without (no transform). */
function handFixSites(findings: readonly AuditFinding[], withCode: boolean): AuditSite[] {
  return findings.filter((f) => BLOCKING_RULES.has(f.rule) && f.fix?.verdict === 'hand-fix' && Boolean(f.fix.code) === withCode).map(handFixSite);
}

/**
 * The phases of `plan` for the audit's `findings` (whose fixes already carry the run's verdict and
 * change set, src/audit/run-view.ts).
 * @returns the phases in the order to apply them, and the sites no phase's files hold
 */
export function buildPhases(plan: Plan, findings: readonly AuditFinding[]): { phases: AuditPhase[]; unphased: { staysSync: AuditSite[]; handFix: AuditSite[] } } {
  const phases = (plan.changeSets ?? []).map((set): AuditPhase => {
    const fixed = findings.filter((f) => f.fix?.changeSet === set.id);
    const worst = fixed.map((f) => f.severity).sort((a, b) => severityRank(a) - severityRank(b))[0];
    const functions: AuditPhase['functions'] = [];
    const followers: string[] = [];
    let rewrites = 0;
    for (const file of set.files) {
      const fp = plan.files[file];
      if (!fp) continue;
      for (const fn of fp.asyncFunctions) if (fn.changeSet === set.id) functions.push({ name: fn.name, file, line: fn.line });
      const seeds = fp.seedSites.filter((s) => s.changeSet === set.id).length;
      rewrites += seeds;
      if (seeds === 0 && !fp.asyncFunctions.some((fn) => fn.changeSet === set.id)) followers.push(file);
    }
    return {
      order: 0,
      id: set.id,
      label: set.label,
      ...(worst ? { severity: worst } : {}),
      findings: fixed.length,
      files: set.files,
      functions,
      callSites: set.callSites,
      rewrites,
      exportedApi: set.exportedApi,
      followers,
      command: `async-migrate run --changeset ${set.id} --write`,
      staysSync: [],
      handFix: [],
    };
  });
  const rank = (p: AuditPhase) => (p.severity ? severityRank(p.severity) : 99);
  phases.sort((a, b) => rank(a) - rank(b) || a.functions.length + a.callSites - (b.functions.length + b.callSites) || (a.id < b.id ? -1 : 1));
  phases.forEach((p, i) => (p.order = i + 1));
  const unphased = { staysSync: [] as AuditSite[], handFix: [] as AuditSite[] };
  const place = (site: AuditSite, list: 'staysSync' | 'handFix') => {
    const phase = phases.find((p) => p.files.includes(site.file));
    (phase ? phase[list] : unphased[list]).push(site);
  };
  for (const site of handFixSites(findings, true)) place(site, 'staysSync');
  for (const site of handFixSites(findings, false)) place(site, 'handFix');
  return { phases, unphased };
}
