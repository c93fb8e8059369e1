/**
 * The human summary of a run, printed on stderr (stdout carries the patch or the JSON).
 *
 * ```
 * async-migrate: 12 files scanned: 3 changed, 8 unchanged, 1 failed
 * sites rewritten: 7 (AM001 ×5, AM002 ×2)
 * sites left alone: 2
 *   AM106 call is in a synchronous function: needs propagate-async (2)
 *     src/config.ts:14:10 readFileSync
 *     src/cache.ts:8:3 writeFileSync
 * delegation wrappers not collapsed: 1
 *   AM503 callee may throw synchronously (1)
 *     src/api.ts:40:1 loadAll
 * failed: 1
 *   src/broken.ts:3:7 AM901 file does not parse: src/broken.ts:3:7: Unexpected token (3:6)
 * dry run: nothing written (use --write to apply, --diff <file> to save the patch)
 * ```
 * Lists are sorted by location and capped at LIST_CAP (./lists.ts) lines per group ("… and K more").
 * With `--quiet` only the "failed" part is printed.
 */
import type { Colors } from 'picocolors/types';
import type { Finding } from '../core/findings';
import type { PipelineResult } from '../engine/pipeline';
import { getReason, type ReasonCodeId } from '../core/reasons';
import { capLines } from './lists';

/** Counts shown in the summary and in the JSON result. */
export interface RunCounts {
  scanned: number;
  changed: number;
  unchanged: number;
  failed: number;
  sitesRewritten: number;
  /** Sites left alone, not counting failures and {@link isUncollapsedDelegation} candidates. */
  sitesLeftAlone: number;
  /** collapse-delegation's refusals (AM5xx): wrappers it looked at and did not collapse. */
  delegationsNotCollapsed: number;
}

/**
 * A wrapper collapse-delegation considered and did not collapse (its refusals, AM501 and up). It is
 * a candidate for a clean-up, not a sync site left behind, so the summary, the JSON result and the
 * Markdown report list these apart from the sites left alone (issue 11, item 9).
 */
export function isUncollapsedDelegation(f: Finding): boolean {
  return f.kind === 'left-alone' && f.code.startsWith('AM5');
}

/**
 * The findings that say why files failed: the engine's own error codes (AM9xx), and error-level findings
 * of failed files (such as a verify hook's AM340). The summary lists them under "failed" instead of
 * among the sites left alone.
 */
export function failureFindings(result: PipelineResult): Set<Finding> {
  const failedPaths = new Set(result.files.filter((f) => f.status === 'failed').map((f) => f.path));
  const failures = new Set<Finding>();
  for (const f of result.findings) {
    if (f.kind !== 'left-alone') continue;
    // AM9xx warnings (AM911/AM912: files skipped on purpose) are listed with the sites left alone
    if ((f.code.startsWith('AM9') && levelOf(f.code) === 'error') || (failedPaths.has(f.file) && levelOf(f.code) === 'error')) failures.add(f);
  }
  return failures;
}

/** Count files by status and sites by kind (failure findings are not counted as sites). */
export function countRun(result: PipelineResult): RunCounts {
  const count = (status: string) => result.files.filter((f) => f.status === status).length;
  const failures = failureFindings(result);
  return {
    scanned: result.files.length,
    changed: count('changed'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    sitesRewritten: result.findings.filter((f) => f.kind === 'rewritten').length,
    sitesLeftAlone: result.findings.filter((f) => f.kind === 'left-alone' && !failures.has(f) && !isUncollapsedDelegation(f)).length,
    delegationsNotCollapsed: result.findings.filter((f) => isUncollapsedDelegation(f) && !failures.has(f)).length,
  };
}

/** How the run ended, for the last line. */
export interface SummaryMode {
  /** Files were written (`--write`): their paths. */
  written?: readonly string[];
  /** The patch was saved to this file (`--diff`). */
  diffFile?: string;
  /** `--check`: say whether anything would change instead of how to apply. */
  check?: boolean;
  /** The folder the patch's paths are relative to, when it is not the working directory (shown relative to it). */
  patchRoot?: string;
  /** The report was written to this file (`--report`). */
  reportFile?: string;
  /** `--quiet`: only the failures (nothing at all when there are none). */
  quiet?: boolean;
}

/**
 * Render the summary.
 * @returns text ending in a newline
 */
export function formatSummary(result: PipelineResult, mode: SummaryMode, c: Colors): string {
  const counts = countRun(result);
  const lines: string[] = [];
  const failed = counts.failed ? c.red(`${counts.failed} failed`) : '0 failed';
  lines.push(`${c.bold('async-migrate')}: ${plural(counts.scanned, 'file')} scanned: ${counts.changed} changed, ${counts.unchanged} unchanged, ${failed}`);

  const rewritten = result.findings.filter((f) => f.kind === 'rewritten');
  const byCode = groupByCode(rewritten);
  const codes = [...byCode.entries()].map(([code, list]) => `${code} ×${list.length}`).join(', ');
  lines.push(`sites rewritten: ${rewritten.length}${codes ? ` (${codes})` : ''}`);

  const failures = failureFindings(result);
  const leftAlone = result.findings.filter((f) => f.kind === 'left-alone' && !failures.has(f) && !isUncollapsedDelegation(f));
  lines.push(`sites left alone: ${leftAlone.length}`);
  lines.push(...groupedSites(leftAlone, c));
  const notCollapsed = result.findings.filter((f) => isUncollapsedDelegation(f) && !failures.has(f));
  if (notCollapsed.length > 0) {
    lines.push(`delegation wrappers not collapsed: ${notCollapsed.length}`);
    lines.push(...groupedSites(notCollapsed, c));
  }

  // Issue 3: the summary lists the exported signatures that change (and those --public-api=keep kept),
  // sorted by location and capped (the full lists are in --json).
  const api = exportedApiOf(result);
  if (api.changes.length > 0) {
    lines.push(`exported signatures that change: ${api.changes.length}`);
    lines.push(...capLines(sortByLocation(api.changes).map((change) => `  ${location(change)} ${change.name}() now returns a promise`), '  '));
  }
  if (api.kept.length > 0) {
    lines.push(`exported functions kept sync by --public-api=keep: ${api.kept.length}`);
    lines.push(...capLines(sortByLocation(api.kept).map((kept) => `  ${location(kept)} ${kept.name}()`), '  '));
  }

  const sets = changeSetsOf(result);
  if (sets.dropped.length > 0) {
    lines.push(`change sets not applied: ${sets.dropped.length} (the others were applied and verified)`);
    lines.push(...capLines(sets.dropped.map((d) => `  ${d.id} ${d.label} (${d.code}): ${d.why}`), '  '));
  }
  if (sets.expandedFiles.length > 0) {
    lines.push(`files added by --expand: ${sets.expandedFiles.length}`);
    lines.push(...capLines(sets.expandedFiles.map((f) => `  ${f}`), '  '));
  }

  const failureLines: string[] = [];
  if (failures.size || counts.failed) {
    failureLines.push(c.red(`failed: ${plural(counts.failed, 'file')}`));
    for (const f of sortByLocation([...failures])) failureLines.push(`  ${location(f)} ${c.red(f.code)} ${titleOf(f.code)}: ${f.message}`);
  }
  if (mode.quiet) return failureLines.length ? `${failureLines.join('\n')}\n` : '';
  lines.push(...failureLines);

  if (mode.written) lines.push(mode.written.length ? `wrote ${plural(mode.written.length, 'file')}` : 'nothing to write');
  else if (mode.check) lines.push(counts.changed ? `check: ${plural(counts.changed, 'file')} would change` : 'check: nothing would change');
  else if (counts.changed) lines.push(`dry run: nothing written (use --write to apply${mode.diffFile ? '' : ', --diff <file> to save the patch'})`);
  if (mode.diffFile) lines.push(`patch written to ${mode.diffFile}`);
  if (mode.reportFile) lines.push(`report written to ${mode.reportFile}`);
  if (mode.patchRoot !== undefined) lines.push(`patch paths are relative to ${mode.patchRoot}: run git apply there`);
  return `${lines.join('\n')}\n`;
}

/** A change set the run left out, as the summary and `--json` show it. */
export interface DroppedChangeSetEntry {
  id: string;
  label: string;
  /** AM343/AM344 (verification) or AM347 (reaches outside the given paths). */
  code: string;
  why: string;
}

/**
 * The run's change sets (from the plan propagate-async's prepare step made): the ids applied, those
 * left out with the problem that sank each (not the sets a --changeset or the paths did not select),
 * and the files --expand added.
 */
export function changeSetsOf(result: PipelineResult): { applied: string[]; dropped: DroppedChangeSetEntry[]; expandedFiles: string[] } {
  const plan = result.prepared?.plan as { changeSets?: { id: string }[]; droppedChangeSets?: DroppedChangeSetEntry[]; expandedFiles?: string[] } | undefined;
  const dropped = (plan?.droppedChangeSets ?? []).filter((d) => d.why !== 'not selected').map(({ id, label, code, why }) => ({ id, label, code, why }));
  return { applied: (plan?.changeSets ?? []).map((c) => c.id), dropped, expandedFiles: [...(plan?.expandedFiles ?? [])] };
}

/** An exported function named in the plan, with its location. */
export interface ExportedApiEntry {
  file: string;
  line: number;
  column: number;
  name: string;
}

/**
 * The exported signatures propagate-async's plan changes (`apiChanges`) and keeps sync
 * (`apiKept`, with --public-api=keep), from what the prepare hooks handed on; empty without a plan.
 * Changes in files that failed in the per-file stage are left out (those files kept their text).
 */
export function exportedApiOf(result: PipelineResult): { changes: ExportedApiEntry[]; kept: ExportedApiEntry[] } {
  const plan = result.prepared?.plan as { apiChanges?: ExportedApiEntry[]; apiKept?: ExportedApiEntry[] } | undefined;
  const pick = (list: ExportedApiEntry[] | undefined) => (Array.isArray(list) ? list.map(({ file, line, column, name }) => ({ file, line, column, name })) : []);
  // A file that failed (AM904, AM914, AM915) kept its text: its signatures did not change.
  const failed = new Set(result.files.filter((f) => f.status === 'failed').map((f) => f.path));
  return { changes: pick(plan?.apiChanges).filter((c) => !failed.has(c.file)), kept: pick(plan?.apiKept) };
}

function levelOf(code: ReasonCodeId): string {
  return getReason(code).level;
}

function titleOf(code: ReasonCodeId): string {
  return getReason(code).title;
}

function location(f: { file: string; line: number; column: number }): string {
  return `${f.file}:${f.line}:${f.column}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings grouped by reason code, codes in ascending order. */
function groupByCode(findings: readonly Finding[]): Map<ReasonCodeId, Finding[]> {
  const groups = new Map<ReasonCodeId, Finding[]>();
  for (const f of [...findings].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const list = groups.get(f.code) ?? [];
    list.push(f);
    groups.set(f.code, list);
  }
  return groups;
}

/** Sites grouped by reason code (`  AM106 title (N)`), each group's sites by location, capped. */
/**
 * The blocker a left-alone finding names: the part of its message after `stays sync: ` (the root
 * cause with its location, e.g. `loadConfig() is called from the constructor of Settings
 * (src/b.ts:22, AM101)`), or undefined when the message names none.
 */
export function blockerOf(f: Finding): string | undefined {
  const at = f.message.indexOf(' stays sync: ');
  return at < 0 ? undefined : f.message.slice(at + ' stays sync: '.length);
}

/**
 * Left-alone sites by reason code, then by blocker: the sites one blocker (a constructor, a getter)
 * keeps sync are one line naming the blocker and where it is, with the sites after it; a site
 * whose message names no blocker is a line of its own.
 */
function groupedSites(findings: readonly Finding[], c: Colors): string[] {
  const lines: string[] = [];
  for (const [code, list] of groupByCode(findings)) {
    lines.push(`  ${c.yellow(code)} ${titleOf(code)} (${list.length})`);
    const byBlocker = new Map<string, Finding[]>();
    const entries: { first: Finding; text: string }[] = [];
    for (const f of sortByLocation(list)) {
      const blocker = blockerOf(f);
      if (blocker === undefined) {
        entries.push({ first: f, text: `    ${location(f)} ${f.subject ?? f.message}` });
        continue;
      }
      const group = byBlocker.get(blocker);
      if (group) group.push(f);
      else byBlocker.set(blocker, [f]);
    }
    // Many sites without a blocker (test fixture I/O, AM333): one line per file.
    if (entries.length > 8) {
      const byFile = new Map<string, { first: Finding; text: string }[]>();
      for (const e of entries) byFile.set(e.first.file, [...(byFile.get(e.first.file) ?? []), e]);
      entries.length = 0;
      for (const [file, list] of byFile) {
        const subjects = [...new Set(list.map((e) => e.first.subject).filter(Boolean))];
        entries.push({ first: list[0].first, text: `    ${file}: ${list.length} site${list.length === 1 ? '' : 's'}${subjects.length ? ` (${subjects.slice(0, 4).join(', ')}${subjects.length > 4 ? ', …' : ''})` : ''}` });
      }
    }
    for (const [blocker, sites] of byBlocker) {
      const shown = sites.slice(0, 3).map((f) => `${location(f)} ${f.subject ?? ''}`.trim()).join(', ');
      const more = sites.length > 3 ? ` and ${sites.length - 3} more` : '';
      entries.push({ first: sites[0], text: `    ${blocker} — ${sites.length === 1 ? '' : `${sites.length} sites: `}${shown}${more}` });
    }
    lines.push(...capLines(sortByLocation(entries.map((e) => ({ ...e.first, text: e.text }))).map((e) => e.text), '    '));
  }
  return lines;
}

function sortByLocation<T extends { file: string; line: number; column: number }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column));
}
