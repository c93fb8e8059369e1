/**
 * Reporting findings from inside a transform.
 *
 * Under the async-migrate engine, `options.onFinding` receives structured {@link Finding}s. Under
 * plain `npx jscodeshift -t …`, findings go to jscodeshift's `api.report` as one line each:
 * `path:line:column CODE message`.
 */
import type { API, FileInfo } from 'jscodeshift';
import type { Finding, SiteFinding } from '../../src/core/findings';
import { createSourceText, type SourceText } from './source-text';

/** Options every transform understands in addition to its own. */
export interface EngineHooks {
  /** Called once per finding (set by the engine; absent under the jscodeshift CLI). */
  onFinding?: (finding: Finding) => void;
}

/** Reports findings for one file and one transform. */
export type Reporter = (site: SiteFinding) => void;

/**
 * Build the reporter a transform calls for each site it rewrites or leaves alone.
 * Positions come from recast/babel `loc.start` (1-based line, 0-based column in recast's tab-expanded
 * copy) and are reported as the file's own 1-based line and column.
 */
export function createReporter(transform: string, file: FileInfo, api: API, options: EngineHooks): Reporter {
  let text: SourceText | undefined;
  return (site) => {
    const { position, end, ...rest } = site;
    // recast's columns count a leading tab as 4; report the file's own column.
    text ??= createSourceText(file.source);
    const finding: Finding = {
      transform,
      file: file.path,
      line: position?.line ?? 1,
      column: (position ? text.columnOf(position) : 0) + 1,
      ...(end ? { endLine: end.line, endColumn: text.columnOf(end) + 1 } : {}),
      ...rest,
    };
    if (typeof options.onFinding === 'function') options.onFinding(finding);
    else if (finding.kind === 'left-alone') api.report(`${finding.file}:${finding.line}:${finding.column} ${finding.code} ${finding.message}`);
  };
}
