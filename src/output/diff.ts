/**
 * Unified diffs with git-style headers, made with the `diff` package (jsdiff).
 *
 * Each changed file gets
 * ```
 * diff --git a/<path> b/<path>
 * --- a/<path>
 * +++ b/<path>
 * @@ -l,s +l,s @@
 * ```
 * so `git apply` (default `-p1`) and `patch -p1` take the output as it is. Lines keep their line
 * terminators: in a CRLF file every patch line ends in `\r\n`, which is what git expects; a missing
 * final newline is marked `\ No newline at end of file` (jsdiff does both). Paths are the FileMap's
 * display paths (relative to the working directory, `/` separators).
 */
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { FileMap } from '../filemap';

/** Lines of context around each change (git's default). */
export const DIFF_CONTEXT_LINES = 3;

/** One hunk's ranges (1-based start lines, line counts), for the JSON result. */
export interface HunkRange {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

/** One changed file: its unified diff and hunk ranges. */
export interface FilePatch {
  path: string;
  /** The unified diff of this file, git-style headers included, ending in a newline. */
  patch: string;
  hunks: HunkRange[];
}

/**
 * The unified diff of one file from `oldText` to `newText`, or undefined when they are equal.
 * @param filePath display path (used after `a/` and `b/`)
 */
export function createFilePatch(filePath: string, oldText: string, newText: string): FilePatch | undefined {
  if (oldText === newText) return undefined;
  const structured = structuredPatch(`a/${filePath}`, `b/${filePath}`, oldText, newText, undefined, undefined, { context: DIFF_CONTEXT_LINES });
  const body = formatPatch(structured, FILE_HEADERS_ONLY);
  const patch = `diff --git a/${filePath} b/${filePath}\n${body.endsWith('\n') ? body : `${body}\n`}`;
  const hunks = structured.hunks.map(({ oldStart, oldLines, newStart, newLines }) => ({ oldStart, oldLines, newStart, newLines }));
  return { path: filePath, patch, hunks };
}

/** The patches of every changed file of `fileMap`, in map order. */
export function createPatches(fileMap: FileMap): FilePatch[] {
  const patches: FilePatch[] = [];
  for (const filePath of fileMap.changedPaths()) {
    const patch = createFilePatch(filePath, fileMap.getOriginal(filePath) ?? '', fileMap.getOrThrow(filePath));
    if (patch) patches.push(patch);
  }
  return patches;
}

/** All patches as one text that `git apply` takes (empty string when nothing changed). */
export function joinPatches(patches: readonly FilePatch[]): string {
  return patches.map((p) => p.patch).join('');
}
