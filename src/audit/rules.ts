/**
 * The audit's rules: one per AM6xx reason code, with its severity and a kebab-case name.
 *
 * Rule ids are the reason codes (src/core/reasons.ts holds title, explanation and fix, which the text,
 * Markdown and SARIF reports all show); this table adds what only the audit needs: the severity,
 * and whether a rule's sites count against the async score.
 */
import { getReasonOrThrow, type ReasonCode } from '../core/reasons';

/** Audit severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** How urgent a finding is. `low` and `info` never count against the async score. */
export type Severity = (typeof SEVERITIES)[number];

/** One audit rule. */
export interface AuditRule {
  /** The reason code, e.g. `AM601`; also the SARIF rule id. */
  id: string;
  /** Kebab-case name, e.g. `blocking-call-in-async-function` (SARIF `rule.name`). */
  name: string;
  severity: Severity;
}

/** Every audit rule, in code order. */
export const AUDIT_RULES: readonly AuditRule[] = [
  { id: 'AM601', name: 'blocking-call-in-async-function', severity: 'critical' },
  { id: 'AM602', name: 'blocking-call-in-promise-callback', severity: 'critical' },
  { id: 'AM603', name: 'blocking-call-reachable-from-async', severity: 'high' },
  { id: 'AM604', name: 'async-array-callback', severity: 'high' },
  { id: 'AM605', name: 'async-listener-or-timer-callback', severity: 'high' },
  { id: 'AM606', name: 'floating-promise', severity: 'high' },
  { id: 'AM607', name: 'async-function-without-await', severity: 'medium' },
  { id: 'AM608', name: 'pure-delegation-wrapper', severity: 'medium' },
  { id: 'AM609', name: 'refused-delegation-candidate', severity: 'medium' },
  { id: 'AM610', name: 'hoistable-switch-or-if-chain', severity: 'medium' },
  { id: 'AM611', name: 'blocking-call-at-top-level', severity: 'low' },
  { id: 'AM612', name: 'blocking-call-in-cli-code', severity: 'info' },
  { id: 'AM613', name: 'blocking-call-not-reached-from-async', severity: 'low' },
];

const BY_ID = new Map(AUDIT_RULES.map((r) => [r.id, r]));

/**
 * The audit rule for a code.
 * @throws Error when `id` is not an audit rule (a bug in the audit, not a user error).
 */
export function getRuleOrThrow(id: string): AuditRule & { reason: ReasonCode } {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown audit rule ${id}`);
  return { ...rule, reason: getReasonOrThrow(id) };
}

/** 0 for `critical` … 4 for `info`: sort key, and for `--fail-on` comparisons. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `value` names a severity (for validating `--fail-on`). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
