/**
 * No fixture output may fail to build the way its own project builds it: for every folder case with
 * a root `tsconfig.json` and an expected output, the case's files (input/ with output/ laid over it)
 * are written to a scratch folder inside the repository (so `node_modules/@types` resolve as in a real
 * checkout), and built with the TypeScript API the way `tsc -b` builds the root tsconfig (a
 * solution-style root with `references` builds each referenced project in order; a plain tsconfig is
 * one project), without emitting. The input is built the same way first; the output may not have a
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

/**
 * Build `root` (a tsconfig.json) as `tsc -b` would, without emitting.
 * @returns `TS<code> <file>` for each diagnostic (files relative to the tsconfig's folder), sorted
 */
function build(root: string): string[] {
  const found: string[] = [];
  const dir = path.dirname(root);
  const report = (d: ts.Diagnostic) => {
    // TS6305/TS6306/TS6310: declarations of a referenced project not built (nothing is emitted here).
    if ([6305, 6306, 6310].includes(d.code)) return;
    found.push(`TS${d.code} ${d.file ? path.relative(dir, d.file.fileName) : ''}`.trim());
  };
  const host = ts.createSolutionBuilderHost(ts.sys, undefined, report, () => undefined);
  const builder = ts.createSolutionBuilder(host, [root], { dry: false, force: true, verbose: false });
  // Each project of the build order is checked with its own options; nothing is written.
  for (let project = builder.getNextInvalidatedProject(); project; project = builder.getNextInvalidatedProject()) {
    if (project.kind !== ts.InvalidatedProjectKind.Build) {
      project.done();
      continue;
    }
    const program = project.getProgram();
    if (program) for (const d of [...program.getConfigFileParsingDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()]) report(d);
    project.done(undefined, undefined, { emitFiles: false } as never);
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
