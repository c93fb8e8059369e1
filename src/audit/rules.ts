/**
 * The audit's rules: one per AM6xx reason code, with its severity and a kebab-case name.
 *
 * Rule ids are the reason codes: the one entry per code in src/core/reasons/audit.ts holds the title,
 * explanation and fix (which the text, Markdown and SARIF reports all show) and what only the audit
 * needs: the rule name and the severity (which decides whether a rule's sites count against the
 * async score). This file derives the rule list from that table.
 */
import { REASONS, SEVERITIES, type ReasonCode, type ReasonCodeId, type Severity } from '../core/reasons';

export { SEVERITIES, type Severity };

/** One audit rule. */
export interface AuditRule {
  /** The reason code, e.g. `AM601`; also the SARIF rule id. */
  id: ReasonCodeId;
  /** Kebab-case name, e.g. `blocking-call-in-async-function` (SARIF `rule.name`). */
  name: string;
  severity: Severity;
}

/** Every audit rule, in code order: the entries of the reason table that have a `name` and a `severity`. */
export const AUDIT_RULES: readonly AuditRule[] = (Object.keys(REASONS) as ReasonCodeId[])
  .sort()
  .flatMap((id) => {
    const { name, severity } = REASONS[id];
    return name !== undefined && severity !== undefined ? [{ id, name, severity }] : [];
  });

const BY_ID = new Map<string, AuditRule>(AUDIT_RULES.map((r) => [r.id, r]));

/**
 * The audit rule for a code.
 * @throws Error when `id` is not an audit rule (a bug in the audit, not a user error).
 */
export function getRuleOrThrow(id: string): AuditRule & { reason: ReasonCode } {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown audit rule ${id}`);
  return { ...rule, reason: REASONS[rule.id] };
}

/** 0 for `critical` … 4 for `info`: sort key, and for `--fail-on` comparisons. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `value` names a severity (for validating `--fail-on`). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
