/**
 * `--format auto`: the lines a migration changed, formatted with the project's own Prettier and its
 * own options, so that a file that was Prettier-clean stays clean.
 *
 * Rules:
 * - Only where the project uses Prettier: Prettier resolvable from the file's folder
 *   (`require.resolve('prettier', { paths: [dir] })`, so the project's own copy and version; never a
 *   copy of ours: Prettier is no dependency of async-migrate) **and** a configuration Prettier finds
 *   for the file (`resolveConfigFile`: a `.prettierrc*`, `prettier.config.*` or a `prettier` key in
 *   package.json). Files Prettier ignores (`.prettierignore`) are left as they are.
 * - Only the changed lines: each run of lines that differs from the original is formatted on its own
 *   with Prettier's range formatting (`rangeStart`/`rangeEnd`, Prettier docs "Options: Range"),
 *   from the last run to the first so earlier offsets stay valid. Prettier widens a range to whole
 *   statements; if the result then changes a line outside the run and the original was not
 *   Prettier-clean there, that run keeps its unformatted text.
 * - Prettier 3's API is async; version 2's synchronous results are awaited the same way.
 * - A failure (Prettier throws: syntax its parser refuses, a plugin it cannot load, a configuration
 *   error) leaves the file as the transforms printed it and is returned with Prettier's message;
 *   the pipeline reports it as AM913 on the file. It never fails the migration.
 */
import * as path from 'path';
import { diffArrays } from 'diff';
import { UsageError } from '../core/errors';
import type { FileMap } from './filemap';

/** The `--format` values. */
export type FormatMode = 'auto' | 'off';

/** The parts of Prettier's API used here (2.x and 3.x). */
interface PrettierApi {
  format(source: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Record<string, unknown> | null | Promise<Record<string, unknown> | null>;
  resolveConfigFile(file: string): string | null | Promise<string | null>;
  getFileInfo?(file: string, options?: Record<string, unknown>): { ignored: boolean } | Promise<{ ignored: boolean }>;
}

/**
 * Check a `--format` value.
 * @throws UsageError naming the allowed values for anything but `auto`, `off` or undefined (= auto)
 */
export function readFormatMode(value: unknown): FormatMode {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  throw new UsageError(`--format must be auto or off, not ${String(value)}`);
}

/** The project's Prettier for a file in `dir`, or undefined when it does not resolve from there. */
export function loadProjectPrettier(dir: string): PrettierApi | undefined {
  let resolved: string;
  try {
    resolved = require.resolve('prettier', { paths: [dir] });
  } catch {
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolved) as PrettierApi & { default?: PrettierApi };
  return typeof loaded.format === 'function' ? loaded : loaded.default;
}

/** Lines of `text`, each with its terminator. */
const splitLines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** A run of changed lines: [start, end) in the new text and the lines [originalStart, originalEnd) it replaced, 0-based. */
interface ChangedRun {
  start: number;
  end: number;
  originalStart: number;
  originalEnd: number;
}

/** Runs of changed lines of `after` against `before`, with the lines of `before` each replaced. */
function changedRuns(before: string, after: string): ChangedRun[] {
  const runs: ChangedRun[] = [];
  let line = 0;
  let originalLine = 0;
  for (const change of diffArrays(splitLines(before), splitLines(after))) {
    const count = change.value.length;
    const last = runs[runs.length - 1];
    const touching = last !== undefined && last.end >= line;
    if (change.removed) {
      // a pure deletion: the line after it counts as changed (Prettier may join around it)
      if (touching) last.originalEnd = originalLine + count;
      else runs.push({ start: line, end: line, originalStart: originalLine, originalEnd: originalLine + count });
      originalLine += count;
      continue;
    }
    if (change.added) {
      if (touching) last.end = line + count;
      else runs.push({ start: line, end: line + count, originalStart: originalLine, originalEnd: originalLine });
    } else originalLine += count;
    line += count;
  }
  return runs.filter((run) => run.end > run.start);
}

/** Runs of changed lines of `after` against `before`: [first line, end line) 0-based. */
export function changedLineRuns(before: string, after: string): Array<[number, number]> {
  return changedRuns(before, after).map((run) => [run.start, run.end]);
}

/** Offset of the start of each line of `text`, and its length as the last entry. */
function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (const line of splitLines(text)) offsets.push(offsets[offsets.length - 1] + line.length);
  return offsets;
}

/** Does `formatted` differ from `text` only inside lines [start, end) of `text`? */
function changesOnlyInside(text: string, formatted: string, start: number, end: number): boolean {
  let line = 0;
  for (const change of diffArrays(splitLines(text), splitLines(formatted))) {
    if (change.added) {
      if (line < start || line > end) return false;
      continue;
    }
    if (change.removed && (line < start || line + change.value.length > end)) return false;
    line += change.value.length;
  }
  return true;
}

/**
 * Are the lines `formatted` changed in `before` laid out as Prettier lays out the whole file
 * (`whole`)? Range formatting is not always the same: Prettier 2 indents a range inside a nested
 * function from column 0 plus the range's own indentation, and a range at the end of a file can lose
 * the final newline; such a result is refused.
 */
function isWholeFileLayout(before: string, formatted: string, whole: string): boolean {
  const changed = new Set<number>();
  let line = 0;
  for (const change of diffArrays(splitLines(before), splitLines(formatted))) {
    if (change.removed) continue;
    if (change.added) for (let i = 0; i < change.value.length; i++) changed.add(line + i);
    line += change.value.length;
  }
  line = 0;
  for (const change of diffArrays(splitLines(formatted), splitLines(whole))) {
    if (change.added) continue;
    if (change.removed) for (let i = 0; i < change.value.length; i++) if (changed.has(line + i)) return false;
    line += change.value.length;
  }
  return true;
}

/** Offsets of lines [start, end) of `text` (clamped to the text), as Prettier's `rangeStart`/`rangeEnd`. */
function rangeOf(text: string, start: number, end: number): { rangeStart: number; rangeEnd: number } {
  const offsets = lineOffsets(text);
  const last = offsets.length - 1;
  return { rangeStart: offsets[Math.min(Math.max(start, 0), last)], rangeEnd: offsets[Math.min(end, last)] };
}

/**
 * Format the lines of `text` that differ from `original` with the project's Prettier.
 *
 * Each run is formatted with Prettier's range formatting. Prettier widens the range to whole
 * statements, so the result may also change lines next to the run; it is kept when those are the
 * only changes (inside the run), or when the original text was Prettier-clean over the lines the
 * run replaced (Prettier formats the original there and changes nothing): then the widened
 * statement was clean before the migration, and its new layout is what Prettier itself prints for
 * the migrated statement (a restructured `Promise.all(…)` re-indents the callback body it took over).
 * Either way every line the range formatting changed must read as Prettier prints it when it formats
 * the whole file ({@link isWholeFileLayout}), else the run keeps its unformatted text.
 * @param file absolute path (Prettier picks its parser and configuration from it)
 * @returns the formatted text, or `text` when the project does not use Prettier or nothing changed;
 *   `error` is Prettier's message when it threw (then `text` is the unformatted `text`)
 */
export async function formatChangedLines(file: string, original: string, text: string): Promise<{ text: string; error?: string }> {
  if (original === text) return { text };
  try {
    const prettier = loadProjectPrettier(path.dirname(file));
    if (!prettier) return { text };
    if (!(await prettier.resolveConfigFile(file))) return { text };
    if (prettier.getFileInfo && (await prettier.getFileInfo(file, { ignorePath: undefined })).ignored) return { text };
    // `editorconfig: true` as Prettier's CLI does by default (Prettier docs, API `resolveConfig`): an
    // `.editorconfig` with `indent_style = tab` is part of the project's style (commitlint).
    const options = { ...((await prettier.resolveConfig(file, { editorconfig: true })) ?? {}), filepath: file };
    let current = text;
    for (const run of changedRuns(original, text).reverse()) {
      const formatted = await prettier.format(current, { ...options, ...rangeOf(current, run.start, run.end) });
      if (formatted === current) continue;
      const inside = changesOnlyInside(current, formatted, run.start, run.end);
      if (!inside && (await prettier.format(original, { ...options, ...originalRange(original, run) })) !== original) continue;
      if (isWholeFileLayout(current, formatted, await prettier.format(formatted, options))) current = formatted;
    }
    return { text: current };
  } catch (error) {
    return { text, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Offsets of the original lines a run replaced, or (a pure insertion) the lines either side of it. */
function originalRange(original: string, run: ChangedRun): { rangeStart: number; rangeEnd: number } {
  return run.originalEnd > run.originalStart ? rangeOf(original, run.originalStart, run.originalEnd) : rangeOf(original, run.originalStart - 1, run.originalStart + 1);
}

/** A file Prettier failed on (AM913): its path in the map and Prettier's message. */
export interface FormatFailure {
  path: string;
  error: string;
}

/**
 * `--format auto` over a run: every file whose text changed gets its changed lines formatted with
 * the project's Prettier (see the module comment); `fileMap` is updated in place.
 * @param paths the files the per-file stage changed
 * @returns the files Prettier threw on (they keep the unformatted migrated text)
 */
export async function formatChangedFiles(fileMap: FileMap, paths: readonly string[]): Promise<FormatFailure[]> {
  const failures: FormatFailure[] = [];
  for (const p of paths) {
    const original = fileMap.getOriginal(p);
    if (original === undefined) continue;
    const result = await formatChangedLines(fileMap.absolutePath(p), original, fileMap.getOrThrow(p));
    if (result.text !== fileMap.getOrThrow(p)) fileMap.set(p, result.text);
    if (result.error !== undefined) failures.push({ path: p, error: result.error });
  }
  return failures;
}
