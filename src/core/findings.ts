/**
 * Findings: what a transform says about one site it looked at.
 *
 * Every stage returns, per file, the new text plus findings — sites it changed and sites it left
 * alone. The CLI summary, `--json`, the Markdown report and SARIF are all rendered from these
 * records, so they always agree.
 */
import type { ReasonCodeId } from './reasons';

/** Whether a transform rewrote the site or deliberately left it as it was. */
export type FindingKind = 'rewritten' | 'left-alone';

/**
 * One site a transform rewrote or refused to rewrite.
 *
 * - `file` is the path as the engine was given it (relative to the working directory when possible).
 * - `line` is 1-based; `column` is 1-based (editor convention, also what SARIF expects).
 * - `code` is a stable reason code from {@link ./reasons}; for rewritten sites it names the rule
 *   that was applied (for example `AM001`), for left-alone sites the reason it was refused.
 */
export interface Finding {
  transform: string;
  kind: FindingKind;
  code: ReasonCodeId;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The callee or construct the finding is about, e.g. `readFileSync`. */
  subject?: string;
  /** Replacement text where the transform has one (used for SARIF `fixes`). */
  replacement?: string;
  /**
   * End of the site's region, when the transform knows it: 1-based line and 1-based column just past
   * the last character (exclusive, SARIF convention; columns in UTF-16 code units). collapse-delegation
   * gives the end of the wrapper function, hoist-switch-await the end of the chain statement or
   * conditional expression, so the audit can turn the site into a SARIF fix.
   */
  endLine?: number;
  endColumn?: number;
}

/** Source position as produced by recast/babel nodes (`loc.start`): 1-based line, 0-based column. */
export interface NodePosition {
  line: number;
  column: number;
}

/** A finding before the transform name and file are attached by the reporter. */
export type SiteFinding = Omit<Finding, 'transform' | 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> & {
  position: NodePosition | undefined;
  /** Where the site ends (`loc.end`), when the transform reports its extent. */
  end?: NodePosition;
};
