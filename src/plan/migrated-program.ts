/**
 * The migrated program for verification, built incrementally from the plan's program (issue 13):
 * `ts.createProgram` with the original program as `oldProgram` and a host that hands back the
 * original's SourceFile object for every file whose text did not change (parsed and bound once), and a
 * fresh SourceFile for a changed file. Module resolution of changed files goes through the same
 * resolution the original used (per owning project, src/plan/load-project.ts).
 *
 * And the files whose diagnostics can differ: the changed files and every project file that imports
 * one of them, transitively (the reverse import graph of the migrated program). A changed file that
 * declares globals (`declare global`, a script without imports/exports, a .d.ts) can affect any file:
 * then every project file is affected.
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { FileTexts, LoadedProject } from './load-project';

/** Where ts-morph serves the TypeScript library files (lib.*.d.ts) from, in memory. */
const LIB_FOLDER = '/node_modules/typescript/lib';

/** TypeScript internals used here: present in TypeScript 5.3–6 (checked before use). */
interface ImportsOf {
  imports?: readonly ts.StringLiteralLike[];
}
interface RedirectInfoOf {
  redirectInfo?: { unredirected: ts.SourceFile };
}
type SpecifierResolver = (specifier: ts.StringLiteralLike, sourceFile: ts.SourceFile) => { resolvedModule?: { resolvedFileName: string } } | undefined;

/**
 * The migrated program: the original's files, with `after`'s texts where they differ.
 * @param original the program the plan built over the original texts
 * @param after absolute path → migrated text (files not in it keep the original's text)
 * @returns a LoadedProject whose `program`, `checker` and `projectFiles` are the migrated program's
 *   (its `project` is still the original ts-morph Project: use the raw program)
 */
export function buildMigratedProgram(original: LoadedProject, after: FileTexts): LoadedProject {
  const oldProgram = original.program;
  const options = oldProgram.getCompilerOptions();
  const base = ts.createCompilerHost(options, true);
  const changedText = (file: string): string | undefined => {
    const text = after.get(file);
    if (text === undefined) return undefined;
    const old = oldProgram.getSourceFile(file);
    return old && old.text === text ? undefined : text;
  };
  const host: ts.CompilerHost = {
    ...base,
    getDefaultLibLocation: () => LIB_FOLDER,
    getDefaultLibFileName: (opts) => path.posix.join(LIB_FOLDER, ts.getDefaultLibFileName(opts)),
    getSourceFile: (fileName, languageVersionOrOptions, onError, shouldCreate) => {
      const text = changedText(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      const old = oldProgram.getSourceFile(fileName);
      // a file the old program redirected (the same package twice): hand back the file itself
      if (old) return (old as RedirectInfoOf).redirectInfo?.unredirected ?? old;
      const mapped = after.get(fileName);
      if (mapped !== undefined) return ts.createSourceFile(fileName, mapped, languageVersionOrOptions, true);
      return base.getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    },
    fileExists: (fileName) => after.has(fileName) || oldProgram.getSourceFile(fileName) !== undefined || base.fileExists(fileName),
    readFile: (fileName) => after.get(fileName) ?? oldProgram.getSourceFile(fileName)?.text ?? base.readFile(fileName),
    writeFile: () => undefined,
  };
  if (original.resolveModuleNames) {
    const resolve = original.resolveModuleNames;
    host.resolveModuleNames = (names, containingFile, _reused, redirected, opts, containingSourceFile) => resolve(host, names, containingFile, redirected, opts, containingSourceFile);
  }
  const program = ts.createProgram({ rootNames: oldProgram.getRootFileNames(), options, host, oldProgram });
  const projectFiles = new Set<string>();
  for (const sf of program.getSourceFiles()) if (original.projectFiles.has(sf.fileName) || (after.has(sf.fileName) && original.projectFiles.has(path.resolve(sf.fileName)))) projectFiles.add(sf.fileName);
  return { ...original, program, checker: program.getTypeChecker(), projectFiles };
}

/** Whether a source file can change what other files see without being imported (globals). */
function declaresGlobals(sf: ts.SourceFile): boolean {
  if (sf.isDeclarationFile) return true;
  if (!ts.isExternalModule(sf) && !/\.[cm]?js$/.test(sf.fileName)) return true;
  return /\bdeclare\s+global\b/.test(sf.text);
}

/**
 * The project files whose diagnostics may differ between `program` and its original: `changed` and
 * the project files that import them, transitively. Every project file when a changed file declares
 * globals or the import lookup is not available.
 * @param changed absolute paths of the files whose text changed
 */
export function affectedFiles(program: ts.Program, projectFiles: ReadonlySet<string>, changed: Iterable<string>): Set<string> {
  const resolver = (program as unknown as { getResolvedModuleFromModuleSpecifier?: SpecifierResolver }).getResolvedModuleFromModuleSpecifier;
  const all = new Set(projectFiles);
  const seeds = [...changed];
  if (typeof resolver !== 'function') return all;
  for (const file of seeds) {
    const sf = program.getSourceFile(file);
    if (!sf || declaresGlobals(sf)) return all;
  }
  const importers = new Map<string, string[]>();
  for (const file of projectFiles) {
    const sf = program.getSourceFile(file);
    const imports = (sf as ImportsOf | undefined)?.imports;
    if (!sf) continue;
    if (!imports) return all;
    for (const specifier of imports) {
      const target = resolver.call(program, specifier, sf)?.resolvedModule?.resolvedFileName;
      if (!target) continue;
      const list = importers.get(target) ?? [];
      list.push(file);
      importers.set(target, list);
    }
  }
  const out = new Set<string>();
  const queue = seeds.filter((f) => projectFiles.has(f));
  for (const f of queue) out.add(f);
  while (queue.length > 0) {
    const next = queue.pop() as string;
    for (const importer of importers.get(next) ?? []) {
      if (out.has(importer)) continue;
      out.add(importer);
      queue.push(importer);
    }
  }
  return out;
}
