/**
 * No fixture output may fail to build the way its own project builds it: for every folder case with
 * a root `tsconfig.json` and an expected output, the case's files (input/ with output/ laid over it)
 * are written to a scratch folder inside the repository (so `node_modules/@types` resolve as in a real
 * checkout), and built with the TypeScript API the way `tsc -b` builds the root tsconfig (a
 * solution-style root with `references` checks each referenced project with its own options, in
 * build order; a plain tsconfig is one project), without emitting. Missing type declarations are
 * not counted (see MISSING_DECLARATIONS). The input is built the same way first; the output may not have a
 * diagnostic (code, file, line in the original) that the input does not have. Fixtures that fail to
 * build on purpose (a broken side tsconfig) are compared like the others: only new errors count.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { FIXTURES_ROOT, readFolderCases } from './helpers/fixture-cases';
import { TRANSFORMS } from '../src/engine/registry';

const SCRATCH = path.join(__dirname, '..', '.fixture-build');

/** Copy `from` into `to` (files only, recursively). */
function copyTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

/** Library and dependency typings parsed once for all cases (they never change). */
const sharedFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Diagnostics that mean "type declarations are missing", not "the code is wrong" (TypeScript 6's
 * `types` default is `[]`, so a fixture without `"types": ["node"]` does not see @types/node): not
 * counted, as verification does not count them (src/plan/verify.ts).
 */
const MISSING_DECLARATIONS = new Set([2580, 2584, 2591, 7016]);
const isMissingModule = (d: ts.Diagnostic) => (d.code === 2307 || d.code === 2792) && /'(node:[^']+|fs(\/promises)?|path|os|child_process|crypto|zlib|util)'/.test(ts.flattenDiagnosticMessageText(d.messageText, ' '));

/** The root tsconfig and what it references, dependencies first (the order `tsc -b` builds them). */
function buildOrder(root: string): ts.ParsedCommandLine[] {
  const order: ts.ParsedCommandLine[] = [];
  const seen = new Set<string>();
  const visit = (configPath: string) => {
    if (seen.has(configPath)) return;
    seen.add(configPath);
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!parsed) return;
    for (const ref of parsed.projectReferences ?? []) visit(ref.path.endsWith('.json') ? ref.path : path.join(ref.path, 'tsconfig.json'));
    order.push(parsed);
  };
  visit(root);
  return order;
}

/**
 * Type-check `root` (a tsconfig.json) project by project, as `tsc -b` builds it (a solution-style
 * root builds each referenced project with its own options; each program sees the sources of the
 * projects it references), without emitting.
 * @returns `TS<code> <file>` for each diagnostic of a project's own files (relative to the root's folder), sorted
 */
function build(root: string): string[] {
  const dir = path.dirname(root);
  const found: string[] = [];
  for (const project of buildOrder(root)) {
    if (project.errors.some((e) => e.category === ts.DiagnosticCategory.Error && e.code !== 18003)) {
      for (const e of project.errors) found.push(`TS${e.code} config`);
      continue;
    }
    const options = { ...project.options, noEmit: true, composite: false, incremental: false, declaration: false, declarationMap: false };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, onError) => {
      if (!file.includes(`${path.sep}node_modules${path.sep}`) && !path.basename(file).startsWith('lib.')) return read(file, language, onError);
      const key = `${file}|${JSON.stringify(language)}`;
      if (!sharedFiles.has(key)) sharedFiles.set(key, read(file, language, onError));
      return sharedFiles.get(key);
    };
    const program = ts.createProgram({ rootNames: project.fileNames, options, host });
    const own = new Set(project.fileNames.map((f) => path.resolve(f)));
    const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()];
    for (const d of diagnostics) {
      if (d.file && !own.has(path.resolve(d.file.fileName))) continue;
      if (MISSING_DECLARATIONS.has(d.code) || isMissingModule(d)) continue;
      found.push(`TS${d.code} ${d.file ? path.relative(dir, d.file.fileName) : ''}`.trim());
    }
  }
  return found.sort();
}

/** Diagnostics of `after` that `before` does not have (multiset difference). */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((d) => {
    const i = left.indexOf(d);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const cases = TRANSFORMS.flatMap((t) => readFolderCases(t.meta.name).map((c) => ({ transform: t.meta.name, c })))
  .filter(({ c }) => c.hasOutput && fs.existsSync(path.join(c.inputDir, 'tsconfig.json')));

afterAll(() => fs.rmSync(SCRATCH, { recursive: true, force: true }));

test('the build test finds folder cases with their own tsconfig', () => {
  expect(cases.length).toBeGreaterThan(10);
  expect(cases.map(({ c }) => c.name)).toContain('solution-style-references-and-imports');
});

test.each(cases.map(({ transform, c }) => [`${transform}/${c.name}`, c] as const))('%s: the output builds like the input', (_name, c) => {
  const base = path.join(SCRATCH, path.relative(FIXTURES_ROOT, c.dir));
  const before = path.join(base, 'before');
  const after = path.join(base, 'after');
  fs.rmSync(base, { recursive: true, force: true });
  copyTree(c.inputDir, before);
  copyTree(c.inputDir, after);
  copyTree(c.outputDir, after);
  expect(added(build(path.join(before, 'tsconfig.json')), build(path.join(after, 'tsconfig.json')))).toEqual([]);
});
