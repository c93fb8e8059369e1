/**
 * Load a TypeScript/JavaScript project with ts-morph over IN-MEMORY texts.
 *
 * The pipeline keeps every file as text in a FileMap (absolute path → text). The analysis must see
 * those texts (the output of earlier stages), not the disk's, so each file of the map is added with
 * `createSourceFile(path, text)`. Files the tsconfig includes that are not in the map are read from
 * disk (they are callers too). Library typings (lib.*.d.ts, @types, node_modules) come from disk as
 * usual, through the compiler's module resolution.
 *
 * Config:
 * - `tsConfigFilePath` given (CLI `-p/--project`): that file, read from the map when present there.
 * - otherwise the nearest tsconfig.json above the first file of the map (then above `cwd`).
 * - none found: an inferred config with `allowJs` (JavaScript projects), CommonJS/ES2022, no emit.
 * Every config gets `noEmit` and `skipLibCheck` (the analysis never checks library typings).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Project, ts } from 'ts-morph';
import { UsageError } from '../core/errors';

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
}

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

/**
 * Find the nearest tsconfig.json at or above `startDir`, looking in `texts` first, then on disk
 * (unless `diskToo` is false). The search stops at the package root (the first folder with a
 * package.json): a tsconfig above it belongs to another package. Returns an absolute path or undefined.
 */
export function findNearestTsconfig(startDir: string, texts: FileTexts, diskToo = true): string | undefined {
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

/** A ParseConfigHost reading the map first, then the disk. */
function overlayConfigHost(texts: FileTexts): ts.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (root, extensions, excludes, includes, depth) => {
      const onDisk = ts.sys.readDirectory(root, extensions, excludes, includes, depth);
      const inMap = [...texts.keys()].filter((f) => f.startsWith(path.resolve(root) + path.sep) && extensions.some((e) => f.endsWith(e)));
      return [...new Set([...onDisk, ...inMap])];
    },
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
  };
}

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
  const firstFile = texts.keys().next().value as string | undefined;
  const tsConfigFilePath = options.tsConfigFilePath
    ? path.resolve(cwd, options.tsConfigFilePath)
    : findNearestTsconfig(firstFile ? path.dirname(firstFile) : cwd, texts, !options.noSearch);

  let compilerOptions: ts.CompilerOptions = INFERRED_COMPILER_OPTIONS;
  let configFiles: string[] = [];
  if (tsConfigFilePath) {
    const host = overlayConfigHost(texts);
    const text = host.readFile(tsConfigFilePath);
    if (text === undefined) throw new UsageError(`${tsConfigFilePath}: cannot read the tsconfig; pass another with --project`);
    const json = ts.parseConfigFileTextToJson(tsConfigFilePath, text);
    if (json.error) throw new UsageError(`${tsConfigFilePath}: ${ts.flattenDiagnosticMessageText(json.error.messageText, '\n')}`);
    const parsed = ts.parseJsonConfigFileContent(json.config, host, path.dirname(tsConfigFilePath), undefined, tsConfigFilePath);
    const fatal = parsed.errors.filter((e) => e.code !== 18003); // 18003: no inputs found (files come from the map)
    if (fatal.length > 0) throw new UsageError(`${tsConfigFilePath}: ${ts.flattenDiagnosticMessageText(fatal[0].messageText, '\n')}`);
    compilerOptions = parsed.options;
    configFiles = parsed.fileNames.map((f) => path.resolve(f));
  }
  compilerOptions = { ...compilerOptions, noEmit: true, skipLibCheck: true };
  // ts-morph's host does not find the automatic @types folders on its own: name them as TypeScript would.
  if (!compilerOptions.typeRoots) compilerOptions.typeRoots = defaultTypeRoots(tsConfigFilePath ? path.dirname(tsConfigFilePath) : firstFile ? path.dirname(firstFile) : cwd);
  if (!compilerOptions.types) {
    const names = compilerOptions.typeRoots.flatMap((root) => (fs.existsSync(root) ? fs.readdirSync(root).filter((n) => !n.startsWith('.')) : []));
    compilerOptions.types = [...new Set(names)];
  }

  const project = new Project({ compilerOptions, skipAddingFilesFromTsConfig: true });
  const projectFiles = new Set<string>();
  const add = (file: string, text: string) => {
    project.createSourceFile(file, text, { overwrite: true });
    if (isProjectSourcePath(file)) projectFiles.add(file);
  };
  for (const file of configFiles) if (!texts.has(file) && fs.existsSync(file)) add(file, fs.readFileSync(file, 'utf8'));
  for (const [file, text] of texts) if (/\.[cm]?[jt]sx?$/.test(file)) add(file, text);

  const program = project.getProgram().compilerObject;
  return { project, program, checker: program.getTypeChecker(), tsConfigFilePath, projectFiles, compilerOptions };
}
