/**
 * A rewrite must not introduce type errors: for every TypeScript fixture of every registered
 * transform that has an expected output — single-file cases and the changed files of folder cases,
 * found by the harness' discovery (test/helpers/fixture-cases.ts) — the output type-checks (strict,
 * so `noImplicitAny` too) with no diagnostic the input did not already have (compared by code and
 * message, positions aside) — the check async-migrate's verify step makes on a real project. It keeps
 * fs-promises' rewrites type-correct (fs/promises' types reject `throwIfNoEntry`), hoist-switch-await's
 * typed temporaries honest, and collapse-delegation's wrappers valid without `async`.
 *
 * A folder case is checked as a project, with its own tsconfig.json's options when it has one: its
 * output files take the place of their inputs among the case's input sources, and every TypeScript
 * source of the case is checked, so the unchanged files that use the changed ones are checked
 * against them too. (Cases with equal options share a program: their files are modules, so they do
 * not see each other's names.)
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { TRANSFORMS } from '../src/engine/registry';
import { FIXTURES_ROOT, listSources, readFolderCases, readSingleFileCases } from './helpers/fixture-cases';

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  esModuleInterop: true,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  jsx: ts.JsxEmit.Preserve,
  typeRoots: [path.join(__dirname, '..', 'node_modules', '@types')],
};
/** Folder cases may mix JavaScript and TypeScript: the JavaScript is read (not checked) for its types. */
const FOLDER_OPTIONS: ts.CompilerOptions = { ...OPTIONS, allowJs: true, checkJs: false };

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** Library and @types files parsed once for every program (keyed by file name and language version). */
const sharedSourceFiles = new Map<string, ts.SourceFile>();

/**
 * Diagnostics per file of one program over `files`, as `TS<code> <message>` strings. `overlay` maps
 * an absolute file name to the text to check in its place (a folder case's expected output).
 */
function diagnosticsByFile(files: string[], options: ts.CompilerOptions, overlay: ReadonlyMap<string, string> = new Map()): Map<string, string[]> {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) => overlay.get(path.resolve(fileName)) ?? readFile(fileName);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = overlay.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion);
    if (path.resolve(fileName).startsWith(FIXTURES_ROOT)) return getSourceFile(fileName, languageVersion, onError);
    const key = `${JSON.stringify(languageVersion)} ${fileName}`;
    const cached = sharedSourceFiles.get(key) ?? getSourceFile(fileName, languageVersion, onError);
    if (cached) sharedSourceFiles.set(key, cached);
    return cached;
  };
  const program = ts.createProgram(files, options, host);
  const byFile = new Map<string, string[]>(files.map((f) => [path.resolve(f), []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    // A case without Node's types (`"types": []`, as in a checkout without node_modules): "cannot find
    // name 'fs'" errors say nothing of the rewrite, and verification does not count them either (AM345).
    if ([2580, 2584, 2591, 7016].includes(d.code)) continue;
    const list = d.file ? byFile.get(path.resolve(d.file.fileName)) : undefined;
    list?.push(`TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return byFile;
}

/**
 * The options a folder case is checked with: its input/tsconfig.json's (`extends` followed) — the
 * project's own settings, as the verify step uses them (decorators, `lib`, strictness) — reading
 * JavaScript for its types, with Node's types; without a tsconfig.json, the strict {@link FOLDER_OPTIONS}.
 */
function folderOptions(inputDir: string): ts.CompilerOptions {
  const configPath = path.join(inputDir, 'tsconfig.json');
  if (!fs.existsSync(configPath)) return FOLDER_OPTIONS;
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`${configPath}: cannot be read`);
  // TypeScript 6 includes no @types by default: Node's types, as for the single-file cases, unless the case names its own.
  const options: ts.CompilerOptions = { allowJs: true, types: OPTIONS.types, typeRoots: OPTIONS.typeRoots, ...parsed.options, noEmit: true };
  delete options.configFilePath; // (a case's own typeRoots are absolute already)
  return options;
}

/** One single-file case: its input (the "before" program's file), its output, and the test's title. */
interface Check {
  title: string;
  before: string;
  after: string;
}

/** Single-file TypeScript cases with an output: the input and the output are separate modules. */
function singleFileChecks(transform: string): Check[] {
  return readSingleFileCases(transform)
    .filter((c) => c.outputPath !== undefined && TYPESCRIPT.test(c.inputPath))
    .map((c) => ({ title: path.basename(c.outputPath ?? ''), before: c.inputPath, after: c.outputPath ?? '' }));
}

/** A folder case with an output/: every TypeScript source of it, changed or not, is checked. */
interface FolderCheck {
  title: string;
  /** Absolute paths of every source of input/ (the program's root files). */
  sources: string[];
  /** The expected outputs, by the absolute path of the input they replace. */
  overlay: Map<string, string>;
  options: ts.CompilerOptions;
  /** Cases with equal options share one program per side (paths in options are absolute). */
  optionsKey: string;
}

/** Folder cases with an output/: each output file takes its input's place (same file name). */
function folderChecks(transform: string): FolderCheck[] {
  return readFolderCases(transform)
    .filter((c) => c.hasOutput && !c.problem)
    .map((c) => {
      const options = folderOptions(c.inputDir);
      return {
        title: c.name,
        sources: listSources(c.inputDir).map((p) => path.resolve(c.inputDir, p)),
        overlay: new Map(listSources(c.outputDir).map((p) => [path.resolve(c.inputDir, p), fs.readFileSync(path.join(c.outputDir, p), 'utf8')] as const)),
        options,
        optionsKey: JSON.stringify(options),
      };
    })
    .filter((c) => c.sources.some((f) => TYPESCRIPT.test(f)));
}

/**
 * Diagnostics of the program over every folder case with the options of `c`, before (the inputs)
 * or after (the outputs overlaid): one program per side and options, memoized — a program per case
 * would cost a type check of Node's types each.
 */
const folderPrograms = new Map<string, Map<string, string[]>>();
function folderDiagnostics(side: 'before' | 'after', c: FolderCheck, all: readonly FolderCheck[]): Map<string, string[]> {
  const key = `${side} ${c.optionsKey}`;
  const known = folderPrograms.get(key);
  if (known) return known;
  const group = all.filter((o) => o.optionsKey === c.optionsKey);
  const overlay = new Map(side === 'after' ? group.flatMap((o) => [...o.overlay]) : []);
  const diagnostics = diagnosticsByFile(group.flatMap((o) => o.sources), c.options, overlay);
  folderPrograms.set(key, diagnostics);
  return diagnostics;
}

const byTransform = TRANSFORMS.map((t) => [t.meta.name, singleFileChecks(t.meta.name), folderChecks(t.meta.name)] as const).filter(
  ([, files, folders]) => files.length + folders.length > 0,
);
const allFolderChecks = byTransform.flatMap(([, , folders]) => folders);

describe('TypeScript fixture outputs type-check', () => {
  let before: Map<string, string[]>;
  let after: Map<string, string[]>;
  beforeAll(() => {
    // One program per side: each single-file fixture is a module, so they do not see each other's names.
    const singles = byTransform.flatMap(([, files]) => files);
    before = diagnosticsByFile(singles.map((c) => c.before), OPTIONS);
    after = diagnosticsByFile(singles.map((c) => c.after), OPTIONS);
  });

  test('fs-promises, hoist-switch-await and collapse-delegation have TypeScript fixtures to check, and folder cases too', () => {
    expect(byTransform.filter(([, files]) => files.length > 0).map(([name]) => name)).toEqual(
      expect.arrayContaining(['fs-promises', 'hoist-switch-await', 'collapse-delegation']),
    );
    expect(byTransform.filter(([, , folders]) => folders.length > 0).map(([name]) => name)).toEqual(expect.arrayContaining(['collapse-delegation', 'propagate-async']));
  });

  for (const [transform, files, folders] of byTransform) {
    describe(transform, () => {
      for (const c of files) {
        test(c.title, () => {
          const known = new Set(before.get(path.resolve(c.before)));
          expect((after.get(path.resolve(c.after)) ?? []).filter((d) => !known.has(d))).toEqual([]);
        });
      }
      for (const c of folders) {
        test(`${c.title}/`, () => {
          const folderBefore = folderDiagnostics('before', c, allFolderChecks);
          const folderAfter = folderDiagnostics('after', c, allFolderChecks);
          const added = c.sources.filter((f) => TYPESCRIPT.test(f)).map((f) => {
            const known = new Set(folderBefore.get(f));
            return { file: path.relative(FIXTURES_ROOT, f), diagnostics: (folderAfter.get(f) ?? []).filter((d) => !known.has(d)) };
          });
          expect(added.filter((a) => a.diagnostics.length > 0)).toEqual([]);
        });
      }
    });
  }
});
