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
 * final newline is marked `\ No newline at end of file` (jsdiff does both).
 *
 * Paths in the headers are relative to the patch base ({@link findPatchBase}), `/` separators: the
 * top of the git work tree holding the changed files (inside a repository `git apply` reads patch
 * paths from there, whatever folder it runs in, and skips paths outside that folder), else the
 * working directory, or the deepest folder holding it and every changed file when some lie outside
 * it (`git apply` rejects `..` in paths).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { FileMap } from '../engine/filemap';

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

/** The folder a patch's paths are relative to, and why that one. */
export interface PatchBase {
  /** Absolute path. */
  dir: string;
  /** `git-root`: the top of the git work tree holding every changed file; `working-directory`;
   *  `common-folder`: the deepest folder holding the working directory and every changed file. */
  kind: 'git-root' | 'working-directory' | 'common-folder';
}

/** The top of the git work tree holding `dir` (the nearest folder with a `.git` entry), or undefined. */
function findGitTop(dir: string, cache: Map<string, string | undefined>): string | undefined {
  if (cache.has(dir)) return cache.get(dir);
  const parent = path.dirname(dir);
  const top = fs.existsSync(path.join(dir, '.git')) ? dir : parent === dir ? undefined : findGitTop(parent, cache);
  cache.set(dir, top);
  return top;
}

const isInside = (dir: string, file: string): boolean => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Where the patch of `paths` (FileMap display paths) starts from: the git work tree's top when one
 * holds them all, else the working directory when it holds them all, else the deepest folder
 * holding the working directory and every file. Reads the file system (`.git` entries) only.
 */
export function findPatchBase(fileMap: FileMap, paths: readonly string[]): PatchBase {
  const files = paths.map((p) => fileMap.absolutePath(p));
  const cache = new Map<string, string | undefined>();
  const tops = new Set(files.map((f) => findGitTop(path.dirname(f), cache)));
  const [top] = tops;
  if (files.length > 0 && tops.size === 1 && top !== undefined) return { dir: top, kind: 'git-root' };
  if (files.every((f) => isInside(fileMap.cwd, f))) return { dir: fileMap.cwd, kind: 'working-directory' };
  let dir = fileMap.cwd;
  while (!files.every((f) => isInside(dir, f)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return { dir, kind: 'common-folder' };
}

/**
 * The patches of every changed file of `fileMap`, in map order. Each keeps its display path in
 * `path`; its headers name the file relative to `base` (default: the working directory).
 */
export function createPatches(fileMap: FileMap, base: string = fileMap.cwd): FilePatch[] {
  const patches: FilePatch[] = [];
  for (const filePath of fileMap.changedPaths()) {
    const headerPath = path.relative(base, fileMap.absolutePath(filePath)).split(path.sep).join('/');
    const patch = createFilePatch(headerPath, fileMap.getOriginal(filePath) ?? '', fileMap.getOrThrow(filePath));
    if (patch) patches.push({ ...patch, path: filePath });
  }
  return patches;
}

/** All patches as one text that `git apply` takes (empty string when nothing changed). */
export function joinPatches(patches: readonly FilePatch[]): string {
  return patches.map((p) => p.patch).join('');
}
