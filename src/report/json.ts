/**
 * The machine-readable result of a run (`--json`), printed on stdout instead of the patch.
 *
 * Shape (schemaVersion 1; fields are only ever added). Every JSON document async-migrate prints
 * (`run`, `plan` and `list --json`, `audit --format json`) carries `schemaVersion`:
 * ```
 * {
 *   "schemaVersion": 1,
 *   "mode": "dry-run" | "check" | "write",
 *   "summary": { "scanned", "changed", "unchanged", "failed", "sitesRewritten", "sitesLeftAlone",
 *                "delegationsNotCollapsed" },
 *   "files":    [ { "path", "status": "changed" | "unchanged" | "failed", "rewritten", "leftAlone" } ],
 *   "edits":    [ { "path", "patch", "hunks": [ { "oldStart", "oldLines", "newStart", "newLines" } ] } ],
 *   "findings": [ { "transform", "kind": "rewritten" | "left-alone", "code", "title", "level",
 *                   "message", "file", "line", "column", "endLine"?, "endColumn"?, "subject"?, "replacement"? } ],
 *   "exportedApi": { "changes": [ { "file", "line", "column", "name" } ], "kept": [ … ] },
 *   "changeSets": { "applied": [ "cs-…" ], "dropped": [ { "id", "label", "code", "why" } ], "expandedFiles": [ "path" ] },
 *   "written":  [ "path", … ]            // only with --write
 * }
 * ```
 * Paths are relative to the working directory; lines and columns are 1-based; `patch` is the file's
 * unified diff with git-style headers, whose file names are relative to the patch root (see
 * output/diff.ts `findPatchBase`; the concatenation of all `patch` fields is the dry-run output).
 * Engine failures (AM9xx) are findings of kind `left-alone` with level `error`. collapse-delegation's
 * refusals (AM5xx) are findings of kind `left-alone` too, but counted in `delegationsNotCollapsed`,
 * not in `sitesLeftAlone` or a file's `leftAlone` (they are clean-up candidates, not sync sites).
 */
import type { Finding } from '../core/findings';
import type { FileStatus, PipelineResult } from '../engine/pipeline';
import { getReason, type ReasonLevel } from '../core/reasons';
import type { FilePatch, HunkRange } from './diff';
import { changeSetsOf, countRun, exportedApiOf, failureFindings, isUncollapsedDelegation, type ExportedApiEntry, type RunCounts } from './summary';

/** One finding in the JSON result: the {@link Finding} plus its reason's title and level. */
export interface JsonFinding extends Finding {
  title: string;
  level: ReasonLevel;
}

/** The `--json` document. */
export interface JsonResult {
  schemaVersion: 1;
  mode: 'dry-run' | 'check' | 'write';
  summary: RunCounts;
  files: { path: string; status: FileStatus; rewritten: number; leftAlone: number }[];
  edits: { path: string; patch: string; hunks: HunkRange[] }[];
  findings: JsonFinding[];
  /** Exported signatures the plan changes, and those kept sync by --public-api=keep. */
  exportedApi: { changes: ExportedApiEntry[]; kept: ExportedApiEntry[] };
  /** The plan's change sets: applied ids, those left out and why (AM343/AM344/AM347), files --expand added. */
  changeSets: ReturnType<typeof changeSetsOf>;
  written?: string[];
}

/** Build the `--json` document from a run's result and patches. */
export function buildJsonResult(result: PipelineResult, patches: readonly FilePatch[], mode: JsonResult['mode'], written?: readonly string[]): JsonResult {
  const failures = failureFindings(result);
  const json: JsonResult = {
    schemaVersion: 1,
    mode,
    summary: countRun(result),
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      rewritten: f.findings.filter((x) => x.kind === 'rewritten').length,
      leftAlone: f.findings.filter((x) => x.kind === 'left-alone' && !failures.has(x) && !isUncollapsedDelegation(x)).length,
    })),
    edits: patches.map((p) => ({ path: p.path, patch: p.patch, hunks: p.hunks })),
    findings: result.findings.map((f) => {
      const reason = getReason(f.code);
      return { ...f, title: reason.title, level: reason.level };
    }),
    exportedApi: exportedApiOf(result),
    changeSets: changeSetsOf(result),
  };
  if (written) json.written = [...written];
  return json;
}
