/**
 * The projects of a run, as the project's own build sees them: every tsconfig that owns a file of the
 * run, found from each file's nearest tsconfig and followed through `references` (solution-style roots
 * with `"files": []`, `tsc -b` chains) and `extends` (TypeScript's own config parser). Each file is
 * owned by the first project that includes it: its nearest tsconfig, else a project that tsconfig
 * references (depth first, in `references` order), else any other discovered project. Files no
 * project includes are analysed with an inferred config (build scripts, `.mjs` tools).
 *
 * A tsconfig that cannot be read, parsed or extended is **broken**: a fault for the files it would own
 * (they are reported and not edited), never for the others. A tsconfig named with `--project` that is
 * broken is a usage error (exit 2).
 *
 * Rules from the TypeScript handbook ("Project References", "tsconfig reference": `files`,
 * `include`, `references`, `extends`, `customConditions`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ts } from 'ts-morph';
import { UsageError } from '../core/errors';

/** Path → text of the files being migrated (absolute paths); they win over the disk. */
export type ProjectTexts = ReadonlyMap<string, string>;

/** One tsconfig of the run. */
export interface ProjectConfig {
  /** Absolute path of the tsconfig file. */
  configPath: string;
  /** Parsed options (extends resolved); empty for a broken config. */
  options: ts.CompilerOptions;
  /** Absolute paths of the files it includes (after include/exclude/files). */
  fileNames: string[];
  /** Absolute tsconfig paths of its `references`. */
  references: string[];
  /** Set when the config cannot be read, parsed or extended: the message, with line and column when known. */
  error?: { message: string; line?: number; column?: number };
}

/** The projects of a run and who owns which file. */
export interface ProjectLayout {
  /** Every discovered config, working and broken, in discovery order. */
  projects: ProjectConfig[];
  /** Absolute file → the config that owns it (a broken one when its nearest config is broken and nothing else includes it). */
  owners: ReadonlyMap<string, ProjectConfig>;
  /** The config given with --project, if any. */
  explicit?: ProjectConfig;
}

/** A ParseConfigHost reading the map first, then the disk. */
export function overlayConfigHost(texts: ProjectTexts): ts.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (root, extensions, excludes, includes, depth) => {
      const onDisk = ts.sys.readDirectory(root, extensions, excludes, includes, depth);
      // Files only in the map (virtual paths in tests) are added; files also on disk were matched
      // against include/exclude by the disk walk above and must not be added past those patterns.
      const inMap = [...texts.keys()].filter((f) => f.startsWith(path.resolve(root) + path.sep) && extensions.some((e) => f.endsWith(e)) && !ts.sys.fileExists(f));
      return [...new Set([...onDisk, ...inMap])];
    },
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
  };
}

/** Line and column (1-based) of a config diagnostic, when it has a position. */
function positionOf(d: ts.Diagnostic): { line?: number; column?: number } {
  if (!d.file || d.start === undefined) return {};
  const lc = d.file.getLineAndCharacterOfPosition(d.start);
  return { line: lc.line + 1, column: lc.character + 1 };
}

/**
 * Parse one tsconfig (extends resolved).
 * @returns the config; `error` set when it cannot be used (never throws)
 */
export function parseProjectConfig(configPath: string, texts: ProjectTexts): ProjectConfig {
  const host = overlayConfigHost(texts);
  const text = host.readFile(configPath);
  const broken = (message: string, where: { line?: number; column?: number } = {}): ProjectConfig => ({ configPath, options: {}, fileNames: [], references: [], error: { message, ...where } });
  if (text === undefined) return broken('cannot read the file');
  const json = ts.parseConfigFileTextToJson(configPath, text);
  if (json.error) return broken(ts.flattenDiagnosticMessageText(json.error.messageText, ' '), positionOf(json.error));
  const parsed = ts.parseJsonConfigFileContent(json.config, host, path.dirname(configPath), undefined, configPath);
  // 18003: no inputs found (a solution-style root, or files that come from the map)
  const fatal = parsed.errors.filter((e) => e.code !== 18003);
  if (fatal.length > 0) return broken(ts.flattenDiagnosticMessageText(fatal[0].messageText, ' '), positionOf(fatal[0]));
  const references = (parsed.projectReferences ?? []).map((r) => {
    const target = path.resolve(r.path);
    return target.endsWith('.json') ? target : path.join(target, 'tsconfig.json');
  });
  return { configPath, options: parsed.options, fileNames: parsed.fileNames.map((f) => path.resolve(f)), references };
}

/**
 * The nearest tsconfig.json at or above `startDir`, looking in `texts` first, then on disk (unless
 * `diskToo` is false). The search stops at the package root (the first folder with a package.json):
 * a tsconfig above it belongs to another package.
 * @returns an absolute path, or undefined
 */
export function findNearestTsconfig(startDir: string, texts: ProjectTexts, diskToo = true): string | undefined {
  let dir = path.resolve(startDir);
  const exists = (file: string) => texts.has(file) || (diskToo && fs.existsSync(file));
  for (;;) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (exists(candidate)) return candidate;
    if (exists(path.join(dir, 'package.json'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Options of {@link discoverProjects}. */
export interface DiscoverProjectsOptions {
  /** tsconfig given with --project (absolute or relative to `cwd`). */
  tsConfigFilePath?: string;
  cwd?: string;
  /** Do not look on disk for tsconfig files (tests over virtual paths). */
  noSearch?: boolean;
}

/**
 * Discover the projects that own `files`.
 * @param files absolute paths of the run's source files
 * @throws UsageError when the --project tsconfig is broken (the user named it: fix it or pass another)
 */
export function discoverProjects(files: readonly string[], texts: ProjectTexts, options: DiscoverProjectsOptions = {}): ProjectLayout {
  const cwd = options.cwd ?? process.cwd();
  const byPath = new Map<string, ProjectConfig>();
  const projects: ProjectConfig[] = [];
  const load = (configPath: string): ProjectConfig => {
    let found = byPath.get(configPath);
    if (found) return found;
    found = parseProjectConfig(configPath, texts);
    byPath.set(configPath, found);
    projects.push(found);
    for (const ref of found.references) load(ref);
    return found;
  };
  let explicit: ProjectConfig | undefined;
  if (options.tsConfigFilePath) {
    explicit = load(path.resolve(cwd, options.tsConfigFilePath));
    if (explicit.error) {
      const at = explicit.error.line ? `:${explicit.error.line}:${explicit.error.column}` : '';
      throw new UsageError(`${explicit.configPath}${at}: ${explicit.error.message}; fix the tsconfig or pass another with --project`);
    }
  }
  const nearestByDir = new Map<string, string | undefined>();
  const nearestOf = (file: string) => {
    const dir = path.dirname(file);
    if (!nearestByDir.has(dir)) nearestByDir.set(dir, findNearestTsconfig(dir, texts, !options.noSearch));
    return nearestByDir.get(dir);
  };
  if (!explicit) for (const file of files) {
    const nearest = nearestOf(file);
    if (nearest) load(nearest);
  }

  const includes = new Map<ProjectConfig, Set<string>>();
  const has = (p: ProjectConfig, file: string) => {
    let set = includes.get(p);
    if (!set) includes.set(p, (set = new Set(p.fileNames)));
    return set.has(file);
  };
  /** `start` and what it references, depth first, each once. */
  const closure = (start: ProjectConfig): ProjectConfig[] => {
    const out: ProjectConfig[] = [];
    const visit = (p: ProjectConfig) => {
      if (out.includes(p)) return;
      out.push(p);
      for (const ref of p.references) visit(byPath.get(ref) as ProjectConfig);
    };
    visit(start);
    return out;
  };
  const owners = new Map<string, ProjectConfig>();
  for (const file of files) {
    const start = explicit ?? (nearestOf(file) ? byPath.get(nearestOf(file) as string) : undefined);
    const order = start ? [...closure(start), ...(explicit ? [] : projects)] : explicit ? [] : projects;
    const owner = order.find((p) => !p.error && has(p, file));
    if (owner) owners.set(file, owner);
    else if (start?.error) owners.set(file, start);
  }
  return { projects, owners, explicit };
}

/** The working (not broken) projects that own at least one of the run's files, in discovery order. */
export function owningProjects(layout: ProjectLayout): ProjectConfig[] {
  const owning = new Set(layout.owners.values());
  return layout.projects.filter((p) => !p.error && owning.has(p));
}
