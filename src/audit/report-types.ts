/**
 * Data shapes of the audit report's sections beyond the findings: what `run` would do, the phased
 * plan by change set, the deferred sites, what is already async, and what the audit covered. All of
 * it is part of the JSON report (`AuditResult`), so the text, Markdown and SARIF renderings show the
 * same numbers.
 */
import type { Severity } from './rules';
import type { ScoreBucket } from './types';

/** A site in a section: where, what, and the reason code with a message naming the blocker. */
export interface AuditSite {
  file: string;
  line: number;
  column: number;
  subject?: string;
  /** Reason code (`AM101`), or the audit rule when no transform reports the site. */
  code: string;
  message: string;
}

/**
 * What `async-migrate run` would do: its own pipeline run as a dry run (as `run --check`) on the
 * audited files with its default transforms and options, so these are the numbers `run` acts on.
 */
export interface AuditRunView {
  /** `run --check`'s summary: files it would change, sites it would rewrite and leave alone. */
  filesChanged: number;
  sitesRewritten: number;
  sitesLeftAlone: number;
  /** The audit's blocking-call findings by what `run` does with each (sums to `total`). */
  blocking: { total: number; rewritten: number; deferred: number; handFix: number };
  /** Hand fixes and deferred sites per reason code (`none`: no transform handles the call). */
  byCode: Record<string, number>;
  /** Change sets `run` would apply (ids), in plan order. */
  changeSets: string[];
  /** Change sets verification or the paths removed, with the problem that sank each. */
  dropped: { id: string; label: string; code: string; why: string }[];
}

/** One phase of the plan: one change set, the unit `run --changeset <id>` applies. */
export interface AuditPhase {
  /** 1-based position in the order to apply the phases. */
  order: number;
  /** Change set id (`cs-…`). */
  id: string;
  label: string;
  /** Worst severity among the audit findings the phase fixes (undefined: none of them is a finding). */
  severity?: Severity;
  /** Audit findings whose site this phase rewrites. */
  findings: number;
  files: string[];
  /** Functions that become async. */
  functions: { name: string; file: string; line: number }[];
  /** Call sites awaited or restructured. */
  callSites: number;
  /** Blocking calls the transforms rewrite once the functions are async. */
  rewrites: number;
  /** Exported functions whose signature changes (`file:name`). */
  exportedApi: string[];
  /** Files that only follow: they just await (or restructure calls of) what the phase makes async. */
  followers: string[];
  /** The command that applies the phase alone. */
  command: string;
  /** Sites in the phase's files that `run` leaves sync, with the blocker (not listed in an earlier phase). */
  staysSync: AuditSite[];
  /** Blocking calls in the phase's files no transform handles (not listed in an earlier phase). */
  handFix: AuditSite[];
}

/** Sites left sync on purpose for one reason code, and how to change that decision. */
export interface AuditDeferred {
  code: string;
  title: string;
  /** The reason's fix text: what to change so that `run` migrates these sites. */
  howToChange: string;
  sites: AuditSite[];
}

/** What is already async. */
export interface AuditAlreadyAsync {
  /** Async functions no audited function calls (request handlers, `main`, test bodies), sorted. */
  entryPoints: { name: string; file: string; line: number }[];
  /** Every I/O call site: how many already use promise (or callback) APIs, overall and per module family. */
  io: ScoreBucket;
  byModule: Record<string, ScoreBucket>;
}

/** What the audit covered, so a reader knows what the score and the plan stand on. */
export interface AuditValidation {
  /** Files audited, and files that could not be (parse errors). */
  filesAudited: number;
  filesNotAudited: number;
  /** tsconfig the plan and the typed call graph loaded (null: an inferred allowJs config). */
  tsconfig?: string | null;
  /** The call graph that answered reachability, with its caveats. */
  callGraph: { kind: string; note?: string };
  /** Calls `run`'s analysis could not resolve, per reason code (AM109, AM112, AM113, AM325). */
  unresolved: Record<string, number>;
  /** Whether `run`'s dry run informed the fixes and the plan, or why not. */
  runView: string;
}
