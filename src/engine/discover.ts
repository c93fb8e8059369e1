/**
 * Discovery: turn the paths a user gives (files, folders, globs) into the list of source files a run
 * reads.
 *
 * Rules:
 * - Folders and globs yield files with a source extension (.ts .tsx .mts .cts .js .jsx .mjs .cjs),
 *   never declaration files (.d.ts .d.mts .d.cts), nothing under node_modules or .git, no symlinks,
 *   and nothing a .gitignore ignores: the repository root's, every nested one on the way down to the
 *   file, and .git/info/exclude (deeper files override shallower ones, as in git). Outside a git
 *   repository, the .gitignore files from the working directory (or the walked folder) down count.
 * - A file named explicitly is taken even if a .gitignore ignores it or it lies under node_modules
 *   (the user asked for it), but it must have a source extension and not be a declaration file.
 *   Likewise a folder named explicitly is walked even if git ignores it (or it lies under
 *   node_modules); the .gitignore files inside it still apply.
 * - A walked folder skips the TypeScript build output of the tsconfig.json in it or in the working
 *   directory (`compilerOptions.outDir` and `declarationDir`): compiled JavaScript is generated, not
 *   source. Naming the output folder (or a file in it) still takes it.
 * - `--ignore` patterns use .gitignore syntax, relative to the working directory, and apply to every
 *   file, named or found (`--ignore legacy/` or `--ignore '*.spec.ts'`).
 * - A path that is neither an existing file or folder nor a glob matching something is a usage error.
 *
 * Paths come back relative to the working directory, with `/` separators, sorted and unique.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { SOURCE_EXTENSIONS } from '../core/parser';
import { UsageError } from '../core/errors';

/** Options of {@link discoverFiles}. */
export interface DiscoverOptions {
  /** Working directory: relative inputs, `--ignore` patterns and the returned paths are relative to it. */
  cwd: string;
  /** Extra patterns in .gitignore syntax (relative to `cwd`) that exclude files. */
  ignore?: readonly string[];
}

const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
const ALWAYS_SKIPPED_DIRS = ['**/node_modules/**', '**/.git/**'];

/** True when `file` has one of the source extensions async-migrate reads and is not a .d.ts file. */
export function isSourceFile(file: string): boolean {
  const lower = file.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !DECLARATION_FILE.test(lower);
}

/** Posix-style path of `abs` relative to `cwd` (what output shows and the FileMap keys on). */
export function toDisplayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs) || path.basename(abs);
  return rel.split(path.sep).join('/');
}

/**
 * Find the source files under `inputs` (files, folders, globs).
 * @param inputs paths or glob patterns as typed by the user; relative ones resolve against `options.cwd`
 * @returns display paths (relative to cwd, `/` separators), sorted, without duplicates
 * @throws UsageError naming the input when a path does not exist (and is not a glob), when a named
 *   file is not a source file, or when a glob matches nothing
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  return (await discoverInputs(inputs, options)).files;
}

/** What {@link discoverInputs} found. */
export interface DiscoveredInputs {
  /** Display paths, as {@link discoverFiles} returns them. */
  files: string[];
  /** Those of `files` the user named as files (not found by walking a folder or a glob). */
  explicit: Set<string>;
}

/**
 * {@link discoverFiles}, also telling which files were named explicitly (the size and generated-file
 * guards of src/engine/input-guard.ts do not apply to them).
 * @throws UsageError as {@link discoverFiles}; also for `-` (standard input is read by src/engine/stdin.ts, never walked)
 */
export async function discoverInputs(inputs: readonly string[], options: DiscoverOptions): Promise<DiscoveredInputs> {
  const cwd = path.resolve(options.cwd);
  if (inputs.some((i) => i === '-' || i === '<stdin>')) throw new UsageError('-: standard input cannot be mixed with other paths (and is read only by `run -`)');
  const named = new Set<string>();
  // `./src/x.ts` means `src/x.ts` to a user; .gitignore syntax has no `./`
  const userIgnore = ignore().add((options.ignore ?? []).map((p) => p.replace(/^(\.\/)+/, '')));
  const gitignore = new GitignoreMatcher(cwd);
  const found = new Set<string>();

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = await fsp.stat(abs).catch(() => undefined);
    if (stat?.isFile()) {
      if (!isSourceFile(abs)) {
        throw new UsageError(`${input}: not a JavaScript or TypeScript source file (expected one of ${SOURCE_EXTENSIONS.join(' ')}, not .d.ts)`);
      }
      found.add(abs);
      named.add(abs);
      continue;
    }
    let candidates: string[];
    if (stat?.isDirectory()) {
      candidates = await fg('**/*', { cwd: abs, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ALWAYS_SKIPPED_DIRS });
    } else if (fg.isDynamicPattern(input)) {
      candidates = await fg(input, { cwd, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ALWAYS_SKIPPED_DIRS });
      if (candidates.length === 0) throw new UsageError(`${input}: the pattern matches no files`);
    } else {
      throw new UsageError(`${input}: no such file or directory`);
    }
    const scope = stat?.isDirectory() ? await gitignore.scopeForWalkedFolder(abs) : undefined;
    const outputs = stat?.isDirectory() ? (await buildOutputDirs([abs, cwd])).filter((out) => !isUnder(abs, out)) : [];
    for (const file of candidates) {
      const normal = path.resolve(file);
      if (!isSourceFile(normal)) continue;
      if (outputs.some((out) => isUnder(normal, out))) continue;
      const fileScope = scope ?? (await gitignore.scopeFor(path.dirname(normal)));
      if (!(await gitignore.isIgnored(fileScope, normal, false))) found.add(normal);
    }
  }

  const result: string[] = [];
  const explicit = new Set<string>();
  for (const abs of found) {
    const display = toDisplayPath(cwd, abs);
    if (!display.startsWith('../') && userIgnore.ignores(display)) continue;
    result.push(display);
    if (named.has(abs)) explicit.add(display);
  }
  return { files: result.sort(), explicit };
}

/** Whether `file` is `dir` or lies under it. */
const isUnder = (file: string, dir: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The build output folders (`outDir`, `declarationDir`) of the tsconfig.json in each of `dirs`, absolute. */
async function buildOutputDirs(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of new Set(dirs)) {
    const text = await fsp.readFile(path.join(dir, 'tsconfig.json'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    // tsconfig.json is JSON with comments and trailing commas: TypeScript's own reader (loaded only here).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ts } = require('ts-morph') as typeof import('ts-morph');
    const config = ts.parseConfigFileTextToJson(path.join(dir, 'tsconfig.json'), text).config as { compilerOptions?: { outDir?: unknown; declarationDir?: unknown } } | undefined;
    for (const value of [config?.compilerOptions?.outDir, config?.compilerOptions?.declarationDir]) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const resolved = path.resolve(dir, value);
      if (resolved !== dir) out.push(resolved); // `outDir: "."` would skip everything
    }
  }
  return out;
}

/** The ignore rules of one folder's .gitignore (or of .git/info/exclude, for the root). */
interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/** Where .gitignore lookup starts: a repository root (which also has .git/info/exclude) or a plain folder. */
interface IgnoreScope {
  root: string;
  isGitRoot: boolean;
}

/**
 * Answers "does git ignore this path?" from the .gitignore files on the way from the scope's root
 * down to it, without running git. Reads each folder's .gitignore once.
 */
class GitignoreMatcher {
  private readonly levelsByDir = new Map<string, Promise<IgnoreLevel[]>>();
  private readonly rootByDir = new Map<string, Promise<string | undefined>>();

  constructor(private readonly cwd: string) {}

  /** The scope for paths in `dir`: its git repository, else the working directory (or `dir` outside it). */
  async scopeFor(dir: string): Promise<IgnoreScope> {
    const gitRoot = await this.findGitRoot(dir);
    if (gitRoot !== undefined) return { root: gitRoot, isGitRoot: true };
    return { root: dir === this.cwd || isInside(this.cwd, dir) ? this.cwd : dir, isGitRoot: false };
  }

  /**
   * The scope for a folder the user named: as {@link scopeFor}, except that a folder git ignores
   * (say `node_modules/eslint/lib`, or a scratch folder) becomes its own root, so that naming it
   * reads it while the .gitignore files inside it still apply.
   */
  async scopeForWalkedFolder(dir: string): Promise<IgnoreScope> {
    const scope = await this.scopeFor(dir);
    if (dir !== scope.root && (await this.isIgnored(scope, dir, true))) return { root: dir, isGitRoot: false };
    return scope;
  }

  /** Whether `target` (a file, or a folder when `isDir`) is ignored within `scope`. */
  async isIgnored(scope: IgnoreScope, target: string, isDir: boolean): Promise<boolean> {
    if (!isInside(scope.root, target)) return false;
    const levels = await this.levelsFor(path.dirname(target), scope);
    let ignored = false;
    for (const level of levels) {
      const rel = path.relative(level.dir, target).split(path.sep).join('/') + (isDir ? '/' : '');
      const verdict = level.rules.test(rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** Rule levels from the scope's root down to `dir` (inclusive), shallowest first. */
  private levelsFor(dir: string, scope: IgnoreScope): Promise<IgnoreLevel[]> {
    const key = `${scope.root}\0${dir}`;
    let levels = this.levelsByDir.get(key);
    if (!levels) {
      levels = (async () => {
        const parentLevels = dir === scope.root ? [] : await this.levelsFor(path.dirname(dir), scope);
        const patterns: string[] = [];
        if (dir === scope.root && scope.isGitRoot) patterns.push(await readTextOrEmpty(path.join(dir, '.git', 'info', 'exclude')));
        patterns.push(await readTextOrEmpty(path.join(dir, '.gitignore')));
        const text = patterns.join('\n');
        return text.trim() === '' ? parentLevels : [...parentLevels, { dir, rules: ignore().add(text) }];
      })();
      this.levelsByDir.set(key, levels);
    }
    return levels;
  }

  /** Nearest ancestor folder of `dir` (or `dir` itself) holding a `.git` entry, or undefined. */
  private findGitRoot(dir: string): Promise<string | undefined> {
    let root = this.rootByDir.get(dir);
    if (!root) {
      root = (async () => {
        if (await exists(path.join(dir, '.git'))) return dir;
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.findGitRoot(parent);
      })();
      this.rootByDir.set(dir, root);
    }
    return root;
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

async function exists(p: string): Promise<boolean> {
  return fsp.lstat(p).then(
    () => true,
    () => false,
  );
}

async function readTextOrEmpty(p: string): Promise<string> {
  return fsp.readFile(p, 'utf8').catch(() => '');
}
