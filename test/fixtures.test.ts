/**
 * The fixture harness: for every registered transform, every case under testfixtures/<transform>/
 * (discovered by test/helpers/fixture-cases.ts, which describes the case files) is run and checked:
 * the exact output (no trimming), that a second run changes nothing, that the output parses, and the
 * reason codes in the case's report.json; a `bail-` case must leave some site alone.
 *
 * - A single-file case goes through `applyTransform` with the transform alone.
 * - A folder case runs the real pipeline in memory (`runPipeline`) over its input/ sources with the
 *   transforms `folderCaseTransforms` picks from the registry (the one under test plus the ones
 *   with project hooks: the prepare hook plans the project on the input texts, propagate-async
 *   applies the plan, fs-promises rewrites the sync fs calls now inside async functions), and
 *   compares every source exactly with output/. `"paths"` in a folder case's options.json makes the
 *   run a file set: only those sources are the run's files (the others are on disk for the analysis). A `bail-` case may end in failed files when
 *   verification refuses the migration (AM340/AM341); any other case may not.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../src/core/findings';
import { parseForCheck } from '../src/core/parser';
import { applyTransform } from '../src/engine/apply';
import { FileMap } from '../src/engine/filemap';
import { runPipeline, type PipelineTransform } from '../src/engine/pipeline';
import { TRANSFORMS } from '../src/engine/registry';
import {
  FIXTURES_ROOT,
  folderCaseTransforms,
  listSources,
  readFolderCases,
  readSingleFileCases,
  strayFixtureFiles,
  type CaseReport,
  type FolderCase,
  type SingleFileCase,
} from './helpers/fixture-cases';

/** The findings' codes against the report's: sorted, one entry per site; messages as substrings. */
function expectReport(findings: readonly Finding[], report: CaseReport | undefined): void {
  const leftAlone = findings.filter((f) => f.kind === 'left-alone');
  if (report?.leftAlone) expect(leftAlone.map((f) => f.code).sort()).toEqual([...report.leftAlone].sort());
  if (report?.rewritten) {
    expect(findings.filter((f) => f.kind === 'rewritten').map((f) => f.code).sort()).toEqual([...report.rewritten].sort());
  }
  for (const m of report?.messages ?? []) expect(leftAlone.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining(m)]));
}

function checkSingleFileCase(transform: PipelineTransform, c: SingleFileCase): void {
  if (c.problem) throw new Error(c.problem);
  // Paths are given relative to the working directory so findings read well.
  const rel = path.relative(process.cwd(), c.inputPath);
  const first = applyTransform(transform, rel, c.input, c.options);
  const actual = first.output ?? c.input;
  expect(actual).toBe(c.expected);
  if (c.name.startsWith('no-change-')) expect(first.output).toBeUndefined();
  expect(() => parseForCheck(rel, actual)).not.toThrow();

  const second = applyTransform(transform, rel, actual, c.options);
  expect(second.output).toBeUndefined();

  expectReport(first.findings, c.report);
  if (c.name.startsWith('bail-')) expect(first.findings.some((f) => f.kind === 'left-alone')).toBe(true);
}

/** Run the pipeline over `texts` (display paths relative to `cwd`); the texts after it, and its result. */
async function migrate(cwd: string, texts: ReadonlyMap<string, string>, transforms: readonly PipelineTransform[], options: Record<string, unknown>) {
  const fileMap = new FileMap(cwd);
  for (const [p, text] of texts) fileMap.add(p, text);
  const result = await runPipeline(fileMap, { transforms, transformOptions: options });
  const out = new Map<string, string>();
  for (const p of fileMap.paths()) out.set(p, fileMap.getOrThrow(p));
  return { out, result };
}

async function checkFolderCase(transform: string, c: FolderCase): Promise<void> {
  if (c.problem) throw new Error(c.problem);
  const transforms = folderCaseTransforms(transform);
  // `"paths"` in options.json: the run's paths (a file set); the other files stay on disk for the analysis.
  const { paths: runPaths, ...options } = c.options as { paths?: string[] } & Record<string, unknown>;
  const inRun = (p: string) => !runPaths || runPaths.some((r) => p === r || p.startsWith(`${r}/`));
  const all = new Map(listSources(c.inputDir).map((p) => [p, fs.readFileSync(path.join(c.inputDir, p), 'utf8')] as const));
  const inputs = new Map([...all].filter(([p]) => inRun(p)));

  const first = await migrate(c.inputDir, inputs, transforms, options);
  // Files the run added (--expand) are compared like the others.
  for (const p of first.out.keys()) if (!inputs.has(p)) inputs.set(p, all.get(p) as string);
  for (const [p, input] of inputs) {
    const expectedPath = path.join(c.outputDir, p);
    const expected = c.hasOutput && fs.existsSync(expectedPath) ? fs.readFileSync(expectedPath, 'utf8') : input;
    expect({ file: p, text: first.out.get(p) }).toEqual({ file: p, text: expected });
    if (expected !== input) expect(() => parseForCheck(p, expected)).not.toThrow();
  }
  // Every file in output/ is a source of input/ (a misplaced expectation would otherwise go unchecked).
  expect(listSources(c.outputDir).filter((p) => !all.has(p))).toEqual([]);
  expect(listSources(c.outputDir).filter((p) => !inputs.has(p))).toEqual([]);
  // A bail- case may fail verification on purpose (AM340/AM341: nothing written).
  if (!c.name.startsWith('bail-')) expect(first.result.files.filter((f) => f.status === 'failed')).toEqual([]);

  const second = await migrate(c.inputDir, first.out, transforms, options);
  expect(second.result.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual([]);

  expectReport(first.result.findings, c.report);
  if (c.name.startsWith('bail-')) expect(first.result.findings.some((f) => f.kind === 'left-alone')).toBe(true);
}

test('every folder under testfixtures/ is a registered transform', () => {
  const folders = fs.readdirSync(FIXTURES_ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  expect(folders.filter((f) => !TRANSFORMS.some((t) => t.meta.name === f))).toEqual([]);
});

for (const transform of TRANSFORMS) {
  const name = transform.meta.name;
  const files = readSingleFileCases(name);
  const folders = readFolderCases(name);

  describe(`${name} fixtures`, () => {
    test('has positive, no-change- and left-alone cases, its README example, and no stray files', () => {
      const names = [...files.map((c) => c.name), ...folders.map((c) => c.name)];
      expect(files.some((c) => c.expected !== c.input) || folders.some((c) => c.hasOutput)).toBe(true);
      expect(names.some((n) => n.startsWith('no-change-'))).toBe(true);
      // `bail-` cases, or cases whose report.json lists the codes of sites left alone.
      expect(names.some((n) => n.startsWith('bail-')) || [...files, ...folders].some((c) => (c.report?.leftAlone ?? []).length > 0)).toBe(true);
      expect(names).toContain(transform.meta.example);
      expect(strayFixtureFiles(name)).toEqual([]);
    });

    for (const c of files) test(c.name, () => checkSingleFileCase(transform, c));
    for (const c of folders) test(c.name, () => checkFolderCase(name, c));
  });
}
