/**
 * Reporting findings from inside a transform.
 *
 * Under the async-migrate engine, `options.onFinding` receives structured {@link Finding}s. Under
 * plain `npx jscodeshift -t …`, findings go to jscodeshift's `api.report` as one line each:
 * `path:line:column CODE message`.
 */
import type { API, FileInfo } from 'jscodeshift';
import type { Finding, SiteFinding } from '../../src/findings';

/** Options every transform understands in addition to its own. */
export interface EngineHooks {
  /** Called once per finding (set by the engine; absent under the jscodeshift CLI). */
  onFinding?: (finding: Finding) => void;
}

/** Reports findings for one file and one transform. */
export type Reporter = (site: SiteFinding) => void;

/**
 * Build the reporter a transform calls for each site it rewrites or leaves alone.
 * Positions come from recast/babel `loc.start` (1-based line, 0-based column) and are reported with
 * a 1-based column.
 */
export function createReporter(transform: string, file: FileInfo, api: API, options: EngineHooks): Reporter {
  return (site) => {
    const { position, ...rest } = site;
    const finding: Finding = {
      transform,
      file: file.path,
      line: position?.line ?? 1,
      column: (position?.column ?? 0) + 1,
      ...rest,
    };
    if (typeof options.onFinding === 'function') options.onFinding(finding);
    else if (finding.kind === 'left-alone') api.report(`${finding.file}:${finding.line}:${finding.column} ${finding.code} ${finding.message}`);
  };
}
