/**
 * Load a TypeScript/JavaScript project with ts-morph over IN-MEMORY texts.
 *
 * The pipeline keeps every file as text in a FileMap (absolute path → text). The analysis must see
 * those texts (the output of earlier stages), not the disk's, so each file of the map is added with
 * `createSourceFile(path, text)`. Files the tsconfig includes that are not in the map are read from
 * disk (they are callers too). Library typings (lib.*.d.ts, @types, node_modules) come from disk as
 * usual, through the compiler's module resolution.
 *
 * Config (src/plan/projects.ts): every tsconfig that owns a file of the map — each file's nearest
 * tsconfig, followed through `references` and `extends` — or the one given with `-p/--project`.
 * One program holds them all (one call graph across the projects): its options are those of the
 * project that owns most files (`allowJs` added when files outside every project are JavaScript,
 * `customConditions` merged), and each import is resolved with the options of the project that owns
 * the importing file (its `paths`, `moduleResolution`, `customConditions`), so `#imports` and path
 * aliases resolve as that project's build resolves them. Files no tsconfig owns use the inferred
 * config: `allowJs` (JavaScript projects), CommonJS/ES2022, no emit. Files whose nearest tsconfig is
 * broken are loaded (their calls are seen) but listed in `brokenFiles`: they are not edited.
 * Every config gets `noEmit` and `skipLibCheck` (the analysis never checks library typings).
 *
 * In an npm/yarn/pnpm workspace (src/plan/workspace.ts, found from `cwd` up), every package's
 * tsconfig joins the run, imports of workspace packages resolve to their sources
 * (src/plan/workspace-resolve.ts), and the emit options that only make sense per package (rootDir,
 * outDir, composite, declaration…) are dropped from the one program.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Project, ts, type ResolutionHostFactory } from 'ts-morph';
import { timed } from '../core/timings';
import { discoverProjects, findNearestTsconfig, owningProjects, type ProjectConfig, type ProjectLayout } from './projects';
import { findWorkspace, type Workspace } from './workspace';
import { addWorkspaceProjects, buildLayouts } from './workspace-projects';
import { workspaceResolver } from './workspace-resolve';

/** Path → text of the files being migrated. Paths are absolute. */
export type FileTexts = ReadonlyMap<string, string>;

/** Options of {@link loadProject}. */
export interface LoadProjectOptions {
  /** tsconfig.json to use (absolute or relative to `cwd`); default: the nearest one. */
  tsConfigFilePath?: string;
  /** Working directory for relative paths and the tsconfig search; default `process.cwd()`. */
  cwd?: string;
  /** Do not look for a tsconfig on disk (tests with purely virtual paths); a map entry still counts. */
  noSearch?: boolean;
}

/** A loaded project: the ts-morph Project plus the raw program and checker for hot loops. */
export interface LoadedProject {
  project: Project;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The tsconfig used, or undefined for the inferred config. */
  tsConfigFilePath: string | undefined;
  /** Absolute paths of the project's own source files (not lib files, not node_modules, not .d.ts). */
  projectFiles: ReadonlySet<string>;
  compilerOptions: ts.CompilerOptions;
  /** The projects found and who owns which file. */
  layout: ProjectLayout;
  /** Files of the map whose nearest tsconfig is broken: loaded, never edited. */
  brokenFiles: ReadonlySet<string>;
  /** The per-owner module resolution the program used, when it used one (for programs built from it). */
  resolveModuleNames?: OwnerResolver;
  /** The monorepo workspace the run lies in (src/plan/workspace.ts), if any. */
  workspace?: Workspace;
}

/** Resolve `names` imported by `containingFile` with the options of the project that owns it. */
export type OwnerResolver = (host: ts.ModuleResolutionHost, names: string[], containingFile: string, redirected: ts.ResolvedProjectReference | undefined, options: ts.CompilerOptions, containingSourceFile?: ts.SourceFile) => (ts.ResolvedModuleFull | undefined)[];

/** Compiler options used when there is no tsconfig (JavaScript projects). */
export const INFERRED_COMPILER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  strict: false,
};

export { findNearestTsconfig };

/** Every existing `node_modules/@types` folder at or above `dir` (TypeScript's default type roots). */
function defaultTypeRoots(dir: string): string[] {
  const roots: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', '@types');
    if (fs.existsSync(candidate)) roots.push(candidate);
    if (path.dirname(d) === d) return roots;
  }
}

/** Whether a path is one of the project's own sources (not typings, not dependencies). */
export function isProjectSourcePath(fileName: string): boolean {
  return !/\.d\.[cm]?ts$/.test(fileName) && !fileName.split(/[\\/]/).includes('node_modules');
}

/**
 * Load the project.
 * @param texts absolute path → text of the files to analyse (they win over the disk).
 * @throws Error naming the tsconfig when it cannot be read or parsed (a user error: fix the tsconfig
 *   or pass another with --project).
 */
export function loadProject(texts: FileTexts, options: LoadProjectOptions = {}): LoadedProject {
  const cwd = options.cwd ?? process.cwd();
  const sources = [...texts.keys()].filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  const workspace = options.noSearch ? undefined : findWorkspace(texts, cwd);
  const discovered = discoverProjects(sources, texts, { tsConfigFilePath: options.tsConfigFilePath, cwd, noSearch: options.noSearch });
  // A workspace: every package's tsconfig joins the run (the plan spans the packages).
  const layout = workspace ? addWorkspaceProjects(discovered, workspace, texts) : discovered;
  const owning = owningProjects(layout);
  const primary = layout.explicit ?? mostOwning(layout, owning);
  const brokenFiles = new Set(sources.filter((f) => layout.owners.get(f)?.error));
  const unowned = sources.filter((f) => !layout.owners.has(f));

  let compilerOptions: ts.CompilerOptions = primary ? { ...primary.options } : { ...INFERRED_COMPILER_OPTIONS };
  if (primary && unowned.some((f) => /\.[cm]?jsx?$/.test(f))) compilerOptions.allowJs = true;
  const conditions = [...new Set(owning.flatMap((p) => p.options.customConditions ?? []))];
  if (conditions.length > 0 && usesConditions(compilerOptions)) compilerOptions.customConditions = conditions;
  compilerOptions = { ...compilerOptions, noEmit: true, skipLibCheck: true };
  // One program over several packages: one package's rootDir/composite file lists would flag the others' files.
  if (workspace) for (const key of ['rootDir', 'outDir', 'declarationDir', 'composite', 'declaration', 'declarationMap', 'incremental', 'tsBuildInfoFile'] as const) delete compilerOptions[key];
  const firstFile = sources[0];
  // ts-morph's host does not find the automatic @types folders on its own: name them as TypeScript would.
  if (!compilerOptions.typeRoots) compilerOptions.typeRoots = defaultTypeRoots(primary ? path.dirname(primary.configPath) : firstFile ? path.dirname(firstFile) : cwd);
  if (!compilerOptions.types) {
    const names = compilerOptions.typeRoots.flatMap((root) => (fs.existsSync(root) ? fs.readdirSync(root).filter((n) => !n.startsWith('.')) : []));
    compilerOptions.types = [...new Set(names)];
  }

  const perFile = owning.length > 1 || (owning.length === 1 && owning[0] !== primary);
  // In a workspace, imports of its packages resolve to their sources (src/plan/workspace-resolve.ts).
  const resolveModuleNames = workspace ? workspaceResolver(workspace, buildLayouts(layout, texts), ownerResolver(layout)) : perFile ? ownerResolver(layout) : undefined;
  const resolutionHost: ResolutionHostFactory | undefined = resolveModuleNames
    ? (host, getCompilerOptions) => ({ resolveModuleNames: (names, containingFile, _reused, redirected, _options, containingSourceFile) => resolveModuleNames(host, names, containingFile, redirected, getCompilerOptions(), containingSourceFile) })
    : undefined;
  const project = new Project({ compilerOptions, skipAddingFilesFromTsConfig: true, ...(resolutionHost ? { resolutionHost } : {}) });
  const projectFiles = new Set<string>();
  const add = (file: string, text: string) => {
    project.createSourceFile(file, text, { overwrite: true });
    if (isProjectSourcePath(file)) projectFiles.add(file);
  };
  const configFiles = new Set((layout.explicit ? [layout.explicit] : owning).flatMap((p) => p.fileNames));
  timed('load program: add files (ts-morph)', () => {
    for (const file of configFiles) if (!texts.has(file) && fs.existsSync(file)) add(file, fs.readFileSync(file, 'utf8'));
    for (const file of sources) add(file, texts.get(file) as string);
  });

  const program = timed('load program (parse, resolve)', () => project.getProgram().compilerObject);
  return { project, program, checker: program.getTypeChecker(), tsConfigFilePath: primary?.configPath, projectFiles, compilerOptions, layout, brokenFiles, ...(resolveModuleNames ? { resolveModuleNames } : {}), ...(workspace ? { workspace } : {}) };
}

/** The working project that owns the most files of the run (ties: discovery order), or undefined. */
function mostOwning(layout: ProjectLayout, owning: readonly ProjectConfig[]): ProjectConfig | undefined {
  const counts = new Map<ProjectConfig, number>();
  for (const p of layout.owners.values()) if (!p.error) counts.set(p, (counts.get(p) ?? 0) + 1);
  return owning.reduce<ProjectConfig | undefined>((best, p) => (!best || (counts.get(p) ?? 0) > (counts.get(best) ?? 0) ? p : best), undefined);
}

/** Whether the module resolution honours `customConditions` (node16, nodenext, bundler). */
function usesConditions(options: ts.CompilerOptions): boolean {
  const r = options.moduleResolution;
  return r === ts.ModuleResolutionKind.Node16 || r === ts.ModuleResolutionKind.NodeNext || r === ts.ModuleResolutionKind.Bundler;
}

/**
 * Resolve each import with the options of the project that owns the importing file (its paths,
 * moduleResolution, customConditions); files no project owns use the program's options.
 */
function ownerResolver(layout: ProjectLayout): OwnerResolver {
  const caches = new Map<ts.CompilerOptions, ts.ModuleResolutionCache>();
  const cacheFor = (opts: ts.CompilerOptions) => {
    let cache = caches.get(opts);
    if (!cache) caches.set(opts, (cache = ts.createModuleResolutionCache(process.cwd(), (f) => f, opts)));
    return cache;
  };
  return (host, names, containingFile, redirected, programOptions, containingSourceFile) => {
    const owner = layout.owners.get(path.resolve(containingFile));
    const opts = owner && !owner.error ? owner.options : programOptions;
    const mode = containingSourceFile?.impliedNodeFormat;
    return names.map((name) => ts.resolveModuleName(name, containingFile, opts, host, cacheFor(opts), redirected, mode).resolvedModule);
  };
}
