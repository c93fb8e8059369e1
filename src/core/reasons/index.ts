/**
 * Reason codes: stable identifiers shared by the CLI output, the JSON result, the Markdown report and
 * the SARIF rules. Tests assert codes, never message wording.
 *
 * Ranges (one file each in this folder):
 * - AM0xx  a rewrite that was applied (fs-promises and friends)          ./rewrites.ts
 * - AM1xx  contexts where `await` cannot go (every transform that inserts `await`) ./rewrites.ts
 * - AM2xx  fs API sites that have no safe promise twin                   ./fs-api.ts
 * - AM3xx  propagate-async (analysis and plan)                           ./propagate-async.ts
 * - AM4xx  hoist-switch-await refusals                                   ./cleanups.ts
 * - AM5xx  collapse-delegation refusals                                  ./cleanups.ts
 * - AM6xx  audit rules (each with its rule `name` and `severity`)         ./audit.ts
 * - AM7xx  blocking-apis: child_process, zlib, crypto, sleeps           ./blocking-apis.ts
 * - AM9xx  engine problems (parse errors, crashes, output that does not re-parse) ./engine.ts
 *
 * The set of codes is closed: {@link ReasonCodeId} is the union of the table's keys, so a finding
 * with a code that is not in the table does not compile. Strings from outside (JSON, CLI input) are
 * checked with {@link isReasonCode}.
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { AUDIT_REASONS } from './audit';
import { BLOCKING_API_REASONS } from './blocking-apis';
import { CLEANUP_REASONS } from './cleanups';
import { ENGINE_REASONS } from './engine';
import { FS_API_REASONS } from './fs-api';
import { PROPAGATE_ASYNC_REASONS } from './propagate-async';
import { REWRITE_REASONS } from './rewrites';
import type { ReasonCode } from './types';

export { SEVERITIES, type ReasonCode, type ReasonLevel, type Severity } from './types';

/** Every reason code async-migrate can emit, in code order. The docs document each one (a test checks that). */
export const REASONS = {
  ...REWRITE_REASONS,
  ...FS_API_REASONS,
  ...PROPAGATE_ASYNC_REASONS,
  ...CLEANUP_REASONS,
  ...AUDIT_REASONS,
  ...BLOCKING_API_REASONS,
  ...ENGINE_REASONS,
};

/** A reason code identifier, such as `'AM101'`: exactly the keys of {@link REASONS}. */
export type ReasonCodeId = keyof typeof REASONS;

/** True when `s` is a code of {@link REASONS} (for codes read from JSON files or the command line). */
export function isReasonCode(s: string): s is ReasonCodeId {
  return Object.prototype.hasOwnProperty.call(REASONS, s);
}

/**
 * The documentation of a reason code. Total for every {@link ReasonCodeId}; a string from outside
 * must pass {@link isReasonCode} first.
 */
export function getReason(code: ReasonCodeId): ReasonCode {
  return REASONS[code];
}
