/**
 * Discovery of the transform fixtures: every case under testfixtures/<transform>/, for every
 * registered transform (src/engine/registry.ts). The one harness (test/fixtures.test.ts) runs them;
 * the type check of outputs (test/fixtures-typecheck.test.ts) reads the same cases.
 *
 * Single-file cases (see CONVENTIONS.md):
 *   <case>.input.<ext>     the input; the extension picks the parser
 *   <case>.output.<ext>    the expected output (absent for `no-change-` and optional for `bail-`: then
 *                          the output must be byte-identical to the input)
 *   <case>.options.json    optional transform options
 *   <case>.report.json     optional expected findings ({@link CaseReport})
 * Folder (multi-file) cases:
 *   <case>/input/…         a small project (sources, tsconfig.json, package.json, …)
 *   <case>/output/…        the expected text of every source that changes (a source absent here must
 *                          come back byte-identical; `no-change-` and `bail-` cases have no output/)
 *   <case>/options.json    optional run options (`seed`, `publicApi`, `project`, …)
 *   <case>/report.json     optional expected findings ({@link CaseReport})
 * A problem with a case's files (a missing output, an output where none may be) is carried as the
 * case's `problem`, so the harness reports it as that case's failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SOURCE_EXTENSIONS } from '../../src/core/parser';
import type { PipelineTransform } from '../../src/core/transform';
import { TRANSFORMS } from '../../src/engine/registry';

/** testfixtures/: one folder per registered transform. */
export const FIXTURES_ROOT = path.join(__dirname, '..', '..', 'testfixtures');

/** Expected findings of a case: codes sorted on comparison, one entry per site. */
export interface CaseReport {
  /** Codes of the sites left alone. */
  leftAlone?: string[];
  /** Codes of the sites rewritten. */
  rewritten?: string[];
  /** Substrings that some left-alone finding's message must contain. */
  messages?: string[];
}

/** A single-file case: `<case>.input.<ext>` and its companions. */
export interface SingleFileCase {
  kind: 'file';
  name: string;
  inputPath: string;
  /** Path of `<case>.output.<ext>`, or undefined when the case has none. */
  outputPath?: string;
  input: string;
  /** The expected output: the output file's text, or the input when there is none. */
  expected: string;
  options: Record<string, unknown>;
  report?: CaseReport;
  /** A problem with the case's files, reported as that case's failure. */
  problem?: string;
}

/** A folder case: `<case>/input/`, optional `<case>/output/`, options.json and report.json. */
export interface FolderCase {
  kind: 'folder';
  name: string;
  dir: string;
  inputDir: string;
  outputDir: string;
  hasOutput: boolean;
  options: Record<string, unknown>;
  report?: CaseReport;
  problem?: string;
}

export type FixtureCase = SingleFileCase | FolderCase;

const SINGLE_FILE_INPUT = /\.input\.[cm]?[jt]sx?$/;

function readJsonIfExists<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}

/** The single-file cases of `transform` (a folder name under testfixtures/), in directory order. */
export function readSingleFileCases(transform: string): SingleFileCase[] {
  const dir = path.join(FIXTURES_ROOT, transform);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => SINGLE_FILE_INPUT.test(f))
    .map((f): SingleFileCase => {
      const name = f.replace(/\.input\.[^.]+$/, '');
      const ext = f.slice(f.lastIndexOf('.'));
      const inputPath = path.join(dir, f);
      const input = fs.readFileSync(inputPath, 'utf8');
      const outputPath = path.join(dir, `${name}.output${ext}`);
      const hasOutput = fs.existsSync(outputPath);
      let problem: string | undefined;
      if (name.startsWith('no-change-') && hasOutput) problem = `${outputPath}: no-change- cases have no output file`;
      if (!hasOutput && !name.startsWith('no-change-') && !name.startsWith('bail-')) problem = `${inputPath}: missing ${name}.output${ext}`;
      return {
        kind: 'file',
        name,
        inputPath,
        outputPath: hasOutput ? outputPath : undefined,
        input,
        expected: hasOutput ? fs.readFileSync(outputPath, 'utf8') : input,
        options: readJsonIfExists(path.join(dir, `${name}.options.json`)) ?? {},
        report: readJsonIfExists(path.join(dir, `${name}.report.json`)),
        problem,
      };
    });
}

/** The folder cases of `transform`: every sub-folder of testfixtures/<transform>/, in directory order. */
export function readFolderCases(transform: string): FolderCase[] {
  const root = path.join(FIXTURES_ROOT, transform);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): FolderCase => {
      const name = entry.name;
      const dir = path.join(root, name);
      const inputDir = path.join(dir, 'input');
      const outputDir = path.join(dir, 'output');
      const hasOutput = fs.existsSync(outputDir);
      let problem: string | undefined;
      if (!fs.existsSync(inputDir)) problem = `${dir}: a folder case needs an input/ folder`;
      else if ((name.startsWith('no-change-') || name.startsWith('bail-')) && hasOutput) problem = `${outputDir}: no-change- and bail- cases have no output/ folder`;
      else if (!hasOutput && !name.startsWith('no-change-') && !name.startsWith('bail-')) problem = `${dir}: missing output/ folder`;
      return {
        kind: 'folder',
        name,
        dir,
        inputDir,
        outputDir,
        hasOutput,
        options: readJsonIfExists(path.join(dir, 'options.json')) ?? {},
        report: readJsonIfExists(path.join(dir, 'report.json')),
        problem,
      };
    });
}

/**
 * Files in testfixtures/<transform>/ that belong to no case (a misspelt `.ouput.ts`, an options file
 * without its input, a folder case's `report.jsn`), as paths relative to testfixtures/.
 */
export function strayFixtureFiles(transform: string): string[] {
  const dir = path.join(FIXTURES_ROOT, transform);
  if (!fs.existsSync(dir)) return [];
  const names = new Set(readSingleFileCases(transform).map((c) => c.name));
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .filter((f) => {
      const m = /^(.+)\.(input|output)\.[cm]?[jt]sx?$/.exec(f) ?? /^(.+)\.(options|report)\.json$/.exec(f);
      return !m || !names.has(m[1]);
    })
    .map((f) => `${transform}/${f}`);
  const inFolders = entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => fs.readdirSync(path.join(dir, entry.name)).map((f) => `${transform}/${entry.name}/${f}`))
    .filter((f) => !/\/(input|output|options\.json|report\.json)$/.test(f));
  return [...files, ...inFolders];
}

/**
 * The source files under `dir` (not in node_modules, no declaration files), as `/`-separated paths
 * relative to it, sorted.
 */
export function listSources(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full, base);
      const isSource = SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !/\.d\.[cm]?ts$/.test(entry.name);
      return isSource ? [path.relative(base, full).split(path.sep).join('/')] : [];
    })
    .sort();
}

/**
 * The registered transforms a folder case of `transform` runs through the real pipeline, in run
 * order: the transform under test plus every transform the engine attaches project hooks to
 * (prepare/verify/finish: propagate-async's plan, fs-promises' mock scan) — the project analysis
 * a multi-file case exists to exercise. propagate-async's cases thus run propagate-async and
 * fs-promises (the plan's seeds are fs-promises' sites); collapse-delegation's run both as well, so
 * the plan's `promiseCallees` reach it.
 * @throws Error naming the known transforms when `transform` is not registered.
 */
export function folderCaseTransforms(transform: string): PipelineTransform[] {
  if (!TRANSFORMS.some((t) => t.meta.name === transform)) {
    throw new Error(`unknown transform "${transform}"; known transforms: ${TRANSFORMS.map((t) => t.meta.name).join(', ')}`);
  }
  return TRANSFORMS.filter((t) => t.meta.name === transform || t.prepare !== undefined || t.verify !== undefined || t.finish !== undefined);
}
