/**
 * The shape of a reason code's entry, and the helpers each range file uses to build its part of the
 * table. Kept apart from ./index.ts so the range files do not import the merged table they feed.
 */

/** Severity of a left-alone site, as shown in summaries and mapped to SARIF `level`. */
export type ReasonLevel = 'error' | 'warning' | 'note';

/** Audit severities, most severe first (an audit rule's `severity`). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** How urgent an audit finding is. `low` and `info` never count against the async score. */
export type Severity = (typeof SEVERITIES)[number];

/** One reason code's documentation. */
export interface ReasonCode {
  /** e.g. `AM101` */
  code: string;
  /** Short title, lower case, no trailing period: `constructor cannot be async`. */
  title: string;
  /** One line: why the tool does not (or did) touch the site. */
  explanation: string;
  /** What a human can do about it. */
  fix: string;
  level: ReasonLevel;
  /** Audit rules (AM6xx) only: kebab-case rule name, e.g. `floating-promise` (SARIF `rule.name`). */
  name?: string;
  /** Audit rules (AM6xx) only: how urgent the rule's findings are. */
  severity?: Severity;
}

/** A table entry as written in a range file: the code is the entry's key. */
export type ReasonEntry = Omit<ReasonCode, 'code'>;

/**
 * Build one range of the table: copies each key into its entry's `code` and keeps the keys as a
 * literal type, so `keyof` of the merged table is the closed union of codes.
 */
export const define = <T extends Record<string, ReasonEntry>>(table: T): { [K in keyof T]: ReasonCode } =>
  Object.fromEntries(Object.entries(table).map(([code, r]) => [code, { code, ...r }])) as { [K in keyof T]: ReasonCode };

/** {@link define} for audit rules: `name` and `severity` are required there. */
export const defineAudit = <T extends Record<string, ReasonEntry & Required<Pick<ReasonEntry, 'name' | 'severity'>>>>(table: T) =>
  define(table);
