/**
 * A `tsc -b`-like check of a migration, project by project (issue 14: `split` in a repository that
 * uses TypeScript project references). Verification (src/plan/verify.ts) checks the migrated code
 * as one program with one set of options; `tsc -b` builds each referenced project with its OWN
 * options (its `strict`, `lib`, `module`…). Here every project of the run that has files is
 * type-checked with its own options, once on the original texts and once on the migrated ones, its
 * imports resolved as the analysis resolved them (workspace packages to their sources, as editors
 * and `tsc -b` after building do), without emitting. A project is checked only when its program
 * holds a changed file. A diagnostic of a project's own file counts as new when that file has more
 * diagnostics with that code after than before (line numbers move with the edits, so they are not
 * compared). Missing type declarations (no @types/node) are not counted, as in verification.
 *
 * Rules from the TypeScript handbook, "Project References" (`tsc -b` builds each project with its
 * own settings).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { FileTexts, OwnerResolver } from './load-project';
import type { ProjectConfig, ProjectLayout } from './projects';

/** A new diagnostic of one project: `TS2345 packages/app/src/main.ts:4: Argument of type …`. */
export interface BuildProblem {
  /** Absolute tsconfig path of the project. */
  project: string;
  /** Absolute file path. */
  file: string;
  code: number;
  /** `TS<code> <file>:<line>: <message>` with the file relative to `cwd`. */
  text: string;
}

/** Codes that mean "type declarations are missing", not a wrong program (as src/plan/verify.ts). */
const MISSING = new Set([2580, 2584, 2591, 7016]);

/** Whether the layout uses project references (some project references another). */
export function usesProjectReferences(layout: ProjectLayout): boolean {
  return layout.projects.some((p) => !p.error && p.references.length > 0);
}

/** Where the TypeScript library files (lib.*.d.ts) are served from, in memory (as ts-morph does). */
const LIB_FOLDER = '/node_modules/typescript/lib';

let libTexts: Map<string, string> | undefined;
/**
 * The text of a library file: ts-morph carries them in its own `@ts-morph/common` package (its
 * `getLibFiles()`); without it, the `typescript` package's lib folder when it is installed.
 */
function libText(name: string): string | undefined {
  if (!libTexts) {
    libTexts = new Map();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const common = require('@ts-morph/common') as { getLibFiles?: () => { fileName: string; text: string }[] };
      for (const f of common.getLibFiles?.() ?? []) libTexts.set(f.fileName, f.text);
    } catch {
      // not resolvable (a strict node_modules layout): fall back to the disk below
    }
  }
  const found = libTexts.get(name);
  if (found !== undefined) return found;
  try {
    return ts.sys.readFile(path.join(path.dirname(require.resolve('typescript')), name));
  } catch {
    return undefined;
  }
}

/** One program per project and texts: its own files' diagnostics. */
function diagnosticsOf(project: ProjectConfig, texts: FileTexts, cache: Map<string, ts.SourceFile>, resolve: OwnerResolver | undefined): { program: ts.Program; diagnostics: ts.Diagnostic[] } {
  const options: ts.CompilerOptions = { ...project.options, noEmit: true, composite: false, incremental: false, declaration: false, declarationMap: false, emitDeclarationOnly: false, skipLibCheck: true };
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (opts) => path.posix.join(LIB_FOLDER, ts.getDefaultLibFileName(opts));
  host.getSourceFile = (fileName, language, onError, create) => {
    const mapped = texts.get(path.resolve(fileName));
    const text = fileName.startsWith(`${LIB_FOLDER}/`) ? libText(fileName.slice(LIB_FOLDER.length + 1)) : mapped ?? host.readFile(fileName);
    if (text === undefined) return read(fileName, language, onError, create);
    const key = `${fileName}\0${JSON.stringify(language)}`;
    const cached = cache.get(key);
    if (cached && cached.text === text) return cached;
    const sf = ts.createSourceFile(fileName, text, language, true);
    cache.set(key, sf);
    return sf;
  };
  host.fileExists = (f) => (f.startsWith(`${LIB_FOLDER}/`) ? libText(f.slice(LIB_FOLDER.length + 1)) !== undefined : texts.has(path.resolve(f)) || ts.sys.fileExists(f));
  host.readFile = (f) => (f.startsWith(`${LIB_FOLDER}/`) ? libText(f.slice(LIB_FOLDER.length + 1)) : texts.get(path.resolve(f)) ?? ts.sys.readFile(f));
  if (resolve) host.resolveModuleNames = (names, containingFile, _reused, redirected, opts, sf) => resolve(host, names, containingFile, redirected, opts, sf);
  const program = ts.createProgram({ rootNames: project.fileNames, options, host });
  const own = new Set(project.fileNames);
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].filter((d) => d.file && own.has(path.resolve(d.file.fileName)) && !MISSING.has(d.code) && !((d.code === 2307 || d.code === 2792) && /'(node:[^']+|fs|fs\/promises|path|os)'/.test(ts.flattenDiagnosticMessageText(d.messageText, ' '))));
  return { program, diagnostics };
}

/** `file\0code` → count. */
function counts(diagnostics: readonly ts.Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) {
    const key = `${path.resolve(d.file?.fileName ?? '')}\0${d.code}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * Check `after` against `before`, project by project (rules in the module comment).
 * @param before absolute path → original text; `after` the migrated texts (files absent keep the disk's)
 * @param resolve the analysis's module resolution (src/plan/load-project.ts), if it used one
 * @returns the new diagnostics, sorted by project then file
 */
export function checkProjectBuilds(layout: ProjectLayout, before: FileTexts, after: FileTexts, cwd: string, resolve?: OwnerResolver): BuildProblem[] {
  const changed = new Set([...after.keys()].filter((f) => before.get(f) !== after.get(f)));
  if (changed.size === 0) return [];
  const cache = new Map<string, ts.SourceFile>();
  const problems: BuildProblem[] = [];
  for (const project of layout.projects) {
    if (project.error || project.fileNames.length === 0) continue;
    const migrated = diagnosticsOf(project, after, cache, resolve);
    if (!migrated.program.getSourceFiles().some((sf) => changed.has(path.resolve(sf.fileName)))) continue;
    const had = counts(diagnosticsOf(project, before, cache, resolve).diagnostics);
    const seen = new Map<string, number>();
    for (const d of migrated.diagnostics) {
      const file = path.resolve(d.file?.fileName ?? '');
      const key = `${file}\0${d.code}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if ((seen.get(key) ?? 0) <= (had.get(key) ?? 0)) continue;
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      problems.push({ project: project.configPath, file, code: d.code, text: `TS${d.code} ${path.relative(cwd, file).split(path.sep).join('/')}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}` });
    }
  }
  return problems;
}
