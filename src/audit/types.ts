/**
 * Data shapes of an audit run. The JSON format is exactly {@link AuditResult} (schema version 1), so a
 * saved `--format json` run can be read back as a `--baseline`.
 */
import type { Severity } from './rules';
import type { ReasonCodeId } from '../core/reasons';
import type { AuditAlreadyAsync, AuditDeferred, AuditPhase, AuditRunView, AuditSite, AuditValidation } from './report-types';

export type { AuditAlreadyAsync, AuditDeferred, AuditPhase, AuditRunView, AuditSite, AuditValidation } from './report-types';

/** One step of a call chain: a function, where it is declared. */
export interface ChainStep {
  /** Readable name: `loadConfig`, `Settings.read`, `<anonymous>`. */
  name: string;
  file: string;
  /** 1-based line of the function (or, for the last step, of the call inside it). */
  line: number;
}

/** The fix async-migrate would apply to a site, or why it would not. */
export interface AuditFix {
  /** One line: what `async-migrate run` does here, or why it leaves the site alone. */
  description: string;
  /** The transform that would apply (or refuses) the fix, e.g. `fs-promises`. */
  transform?: string;
  /** The reason code the transform reported for this site (AM0xx applied; other codes: refused). */
  code?: ReasonCodeId;
  /** Replacement text for the site's region (line..endLine, column..endColumn), when there is one. */
  replacement?: string;
  /**
   * What `async-migrate run` does here, from its own dry run on the same files (absent without one):
   * `run-rewrites` (a transform rewrites the site), `deferred` (left sync on purpose, by a policy the
   * user can change), `hand-fix` (run leaves it sync: a blocker, or no transform handles it).
   */
  verdict?: 'run-rewrites' | 'deferred' | 'hand-fix';
  /** The change set (`cs-…`) whose functions become async so that the rewrite applies. */
  changeSet?: string;
  /** For `hand-fix` and `deferred`: `run`'s message, naming what keeps the call sync and where. */
  blocker?: string;
}

/** One audit finding. Positions are 1-based; `endColumn` is exclusive (SARIF convention). */
export interface AuditFinding {
  /** The rule id, an AM6xx reason code. */
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The call or construct, e.g. `fs.readFileSync`, `Atomics.wait`, `load`. */
  subject?: string;
  /** Name of the function containing the site, when there is one. */
  function?: string;
  /** For AM603: the chain from an async function down to the function with the blocking call. */
  chain?: ChainStep[];
  fix?: AuditFix;
}

/** Counts of I/O call sites. */
export interface ScoreBucket {
  /** I/O call sites on async-reachable paths. */
  total: number;
  /** Of those, the non-blocking ones (promise or callback forms). */
  nonBlocking: number;
  /** nonBlocking / total × 100, rounded to one decimal; 100 when total is 0. */
  percent: number;
}

/** The async score: overall, per I/O module family, per folder. */
export interface AsyncScore {
  overall: ScoreBucket;
  /** Keyed by family: `fs`, `child_process`, `zlib`, `crypto`, `Atomics`. */
  byModule: Record<string, ScoreBucket>;
  /** Keyed by folder, relative as given (`src/db`). */
  byFolder: Record<string, ScoreBucket>;
  /** Blocking sites at top level or in CLI-only code, not counted above. */
  excluded: number;
  /**
   * Every I/O call site, on async paths or not (so a fully synchronous program reads 0 %, not 100 %),
   * with its split per module family. Absent in results saved before it was recorded.
   */
  all?: ScoreBucket & { byModule: Record<string, ScoreBucket> };
}

/** A file the audit could not read or parse (it goes on with the others). */
export interface AuditFileError {
  file: string;
  line?: number;
  message: string;
}

/** Everything one audit run found. */
export interface AuditResult {
  schemaVersion: 1;
  tool: { name: 'async-migrate'; version: string };
  /** Files audited, in order. */
  files: string[];
  findings: AuditFinding[];
  counts: Record<Severity, number>;
  score: AsyncScore;
  errors: AuditFileError[];
  /** Files audited, but a transform the audit consulted failed on them (their fixes are missing). */
  warnings: AuditFileError[];
  /** Which call graph answered the reachability questions, and any caveats about it. */
  callGraph: { kind: string; note?: string };
  /** Parts of the audit that did not run (e.g. a transform that is not registered yet). */
  skipped: string[];
  /** What `async-migrate run` would do (its dry run on the same files); absent with `--no-fixes`. */
  run?: AuditRunView;
  /** The phased plan: one phase per change set `run` would apply, in the order to apply them. */
  phases?: AuditPhase[];
  /** Blocking calls `run` leaves to a hand fix in files no phase edits. */
  unphased?: { staysSync: AuditSite[]; handFix: AuditSite[] };
  /** Blocking calls left sync on purpose, per reason code. */
  deferred?: AuditDeferred[];
  /** What is already async. */
  alreadyAsync?: AuditAlreadyAsync;
  /** One sentence on the biggest risk (undefined when there are no findings). */
  biggestRisk?: string;
  /** What the audit covered and what it could not resolve. */
  validation?: AuditValidation;
}

