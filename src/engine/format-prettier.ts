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
 *   statements; if the result then changes a line outside the run (the file was not Prettier-clean
 *   there), that run keeps its unformatted text.
 * - Prettier 3's API is async; version 2's synchronous results are awaited the same way.
 * - A failure (Prettier throws, cannot load) leaves the file as the transforms printed it and is
 *   returned as a message for the run's notes; it never fails the migration.
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
  resolveConfig(file: string): Record<string, unknown> | null | Promise<Record<string, unknown> | null>;
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

/** Runs of changed lines of `after` against `before`: [first line, end line) 0-based. */
export function changedLineRuns(before: string, after: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let line = 0;
  for (const change of diffArrays(splitLines(before), splitLines(after))) {
    if (change.removed) {
      // a pure deletion: the line after it counts as changed (Prettier may join around it)
      if (runs.length === 0 || runs[runs.length - 1][1] < line) runs.push([line, line]);
      continue;
    }
    const count = change.value.length;
    if (change.added) {
      const last = runs[runs.length - 1];
      if (last && last[1] >= line) last[1] = line + count;
      else runs.push([line, line + count]);
    }
    line += count;
  }
  return runs.filter(([start, end]) => end > start);
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
 * Format the lines of `text` that differ from `original` with the project's Prettier.
 * @param file absolute path (Prettier picks its parser and configuration from it)
 * @returns the formatted text, or `text` when the project does not use Prettier or nothing changed;
 *   `note` explains a failure
 */
export async function formatChangedLines(file: string, original: string, text: string): Promise<{ text: string; note?: string }> {
  if (original === text) return { text };
  const prettier = loadProjectPrettier(path.dirname(file));
  if (!prettier) return { text };
  try {
    if (!(await prettier.resolveConfigFile(file))) return { text };
    if (prettier.getFileInfo && (await prettier.getFileInfo(file, { ignorePath: undefined })).ignored) return { text };
    const options = (await prettier.resolveConfig(file)) ?? {};
    let current = text;
    for (const [start, end] of changedLineRuns(original, text).reverse()) {
      const offsets = lineOffsets(current);
      const rangeStart = offsets[start];
      const rangeEnd = offsets[Math.min(end, offsets.length - 1)];
      const formatted = await prettier.format(current, { ...options, filepath: file, rangeStart, rangeEnd });
      if (changesOnlyInside(current, formatted, start, end)) current = formatted;
    }
    return { text: current };
  } catch (error) {
    return { text, note: `${file}: Prettier could not format the changed lines (${error instanceof Error ? error.message : String(error)}); they are left as printed` };
  }
}

/**
 * `--format auto` over a run: every file whose text changed gets its changed lines formatted with
 * the project's Prettier (see the module comment); `fileMap` is updated in place.
 * @param paths the files the per-file stage changed
 * @returns notes about files Prettier failed on
 */
export async function formatChangedFiles(fileMap: FileMap, paths: readonly string[]): Promise<string[]> {
  const notes: string[] = [];
  for (const p of paths) {
    const original = fileMap.getOriginal(p);
    if (original === undefined) continue;
    const result = await formatChangedLines(fileMap.absolutePath(p), original, fileMap.getOrThrow(p));
    if (result.text !== fileMap.getOrThrow(p)) fileMap.set(p, result.text);
    if (result.note) notes.push(result.note);
  }
  return notes;
}
