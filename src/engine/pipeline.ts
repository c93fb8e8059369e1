/**
 * The pipeline: runs the selected transforms, in run order, over every file of a FileMap.
 *
 * Steps:
 * 1. **prepare** (the extension point for project-wide analysis): each selected transform module
 *    that exports `prepare(fileMap, context)` is called once, in run order, before any file is
 *    transformed. It sees every file's text and may return `{ options, findings }`: `options` are
 *    merged into the options every transform receives for every file (this is how propagate-async
 *    hands its Plan to fs-promises and to its own per-file stage), `findings` go into the result.
 *    A prepare hook must not change the FileMap. If it throws a UsageError, the run stops (exit 2);
 *    any other error is reported as AM907 and that hook's transform gets no options (propagate-async
 *    then changes nothing), while the other transforms still run — fs-promises alone only rewrites
 *    calls already in async code, which needs no analysis.
 * 2. **per file**, each transform in run order on the output of the previous one, through
 *    `applyTransform` (which skips files `meta.mightApply` rules out without parsing them).
 *    Options per file: the run's options, the prepare hooks' options, and `moduleType`
 *    ('module' | 'commonjs', from the extension or the nearest package.json, unless the run's
 *    options set `moduleType` for every file).
 *    Errors are caught per file: a parse error of the file as read → AM901 at the error's position;
 *    a parse error of an earlier stage's output → AM903; anything else thrown → AM902. A failed file
 *    keeps its original text and only the failure finding.
 * 3. **verify**: in a file whose final text differs, a line that now starts with `(`, `[` or a
 *    template and would continue the line before it gets a `;` (src/engine/asi.ts); the text must re-parse
 *    (`parseForCheck`), else AM903 and the file keeps its original text.
 * Steps 2 and 3 run in worker threads (src/engine/pool.ts) when many files need parsing; the results are
 * the same, in the same order. In a worker each file is held to a time and heap budget
 * (src/engine/file-budget.ts: AM914/AM915, the others go on); without a pool, files of 256 KiB or more
 * still run in one worker of their own for that.
 * 4. **verify hooks** (`verify(fileMap, options)`, optional per module): a check of the whole result
 *    (propagate-async: no new type error, no floating promise). Any problem it returns makes the run
 *    all-or-nothing: every changed file goes back to its original text and is marked failed (its
 *    rewritten findings dropped; AM906 on files without a problem of their own), so nothing is
 *    written and the run exits 3. Problems are attached to their file's findings. A hook may instead
 *    ask for another attempt with more options ({@link VerifyOutcome}): the run starts again from the
 *    original texts (propagate-async pins the functions whose migration caused the problems).
 * 5. **finish hooks** (`finish(findings, options)`, optional per module): rewrite one file's findings
 *    (or the project-level ones) with what the analysis knows.
 *
 * The FileMap is updated in place with the new texts; nothing is written to disk here.
 */
import { promises as fsp } from 'fs';
import type { Finding } from '../core/findings';
import { isUsageError } from '../core/errors';
import { reportStartup, timedAsync } from '../core/timings';
import type { PipelineTransform, PrepareResult } from '../core/transform';
export type { FinishHook, PipelineTransform, PrepareContext, PrepareHook, PrepareResult, VerifyHook, VerifyOutcome } from '../core/transform';
import { FileMap, type LoadProblem } from './filemap';
import { moduleTypeOf, type ModuleType } from '../core/module-type';
import { planBudgetWorker, planPool, runInWorkers, type PoolJob } from './pool';
import { BUDGET_WORKER_MIN_CHARS, DEFAULT_FILE_BUDGET, hasBudget, type FileBudget } from './file-budget';
import { replacementsInFinalLayout } from './fix-text';
import { formatChangedFiles, readFormatMode } from './format-prettier';
import { engineFinding, transformText, type FileStatus, type TextResult } from './transform-text';
export { syntaxErrorPosition, transformText, type FileStatus, type TextResult } from './transform-text';

/** Attempts of a run whose verify hook asks to retry (the first one included). */
export const MAX_VERIFY_ATTEMPTS = 6;



/** One file's result. */
export interface FileResult {
  /** Display path (relative to the working directory). */
  path: string;
  status: FileStatus;
  /** Findings about this file (rewritten and left-alone sites, or the failure). */
  findings: Finding[];
}

/** The result of a run. */
export interface PipelineResult {
  /** One entry per file scanned (loaded or not), in path order. */
  files: FileResult[];
  /** Every finding: prepare hooks' first, then per file. */
  findings: Finding[];
  /** What the prepare hooks handed to the transforms (propagate-async's `plan`, …), for reports. */
  prepared?: Readonly<Record<string, unknown>>;
}

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  /** Transforms to run, in run order (the caller sorts; the registry already is). */
  transforms: readonly PipelineTransform[];
  /** Options passed to every transform (meta options and engine options such as `fsModules`). */
  transformOptions?: Record<string, unknown>;
  /** Files that could not be loaded (failed, AM904) or were skipped (unchanged, AM911/AM912). */
  loadProblems?: readonly LoadProblem[];
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads for the per-file stage: 1 runs everything in this thread; n > 1 uses n workers;
   * undefined decides by itself (workers only when there are many files to parse and three or more
   * CPUs: src/engine/pool.ts AUTO_POOL_MIN_CPUS). Workers need the compiled engine (dist/) and
   * transforms from the registry; otherwise the run stays in this thread.
   */
  jobs?: number;
  /**
   * The per-file budget (src/engine/file-budget.ts): time and heap one file's transforms may use in a
   * worker before the file is stopped (AM914/AM915) and the others go on. Default
   * {@link DEFAULT_FILE_BUDGET} (120 s, 2048 MB); 0 turns a limit off. Without a pool only files of
   * 256 KiB or more run in a worker with the budget.
   */
  fileBudget?: FileBudget;
}

/**
 * Run `options.transforms` over `fileMap` (updated in place).
 * @returns per-file statuses and all findings
 * @throws whatever a prepare hook throws (per-file errors are caught and reported)
 */
export async function runPipeline(fileMap: FileMap, options: PipelineOptions): Promise<PipelineResult> {
  let transformOptions = { ...(options.transformOptions ?? {}) };
  reportStartup('start-up and discover');
  for (let attempt = 1; ; attempt++) {
    const outcome = await timedAsync(`attempt ${attempt}`, () => attemptPipeline(fileMap, { ...options, transformOptions }, attempt < MAX_VERIFY_ATTEMPTS));
    if (!('retryWith' in outcome)) return outcome;
    // Start again from the original texts, with what the verify hook learned.
    for (const p of fileMap.paths()) fileMap.set(p, fileMap.getOriginal(p) ?? fileMap.getOrThrow(p));
    transformOptions = { ...transformOptions, ...outcome.retryWith };
  }
}

/** One attempt of {@link runPipeline}; with `mayRetry`, a verify hook's request to retry is returned instead of failing the files. */
async function attemptPipeline(fileMap: FileMap, options: PipelineOptions, mayRetry: boolean): Promise<PipelineResult | { retryWith: Record<string, unknown> }> {
  const transforms = [...options.transforms];
  const baseOptions = { ...(options.transformOptions ?? {}) };
  const formatMode = readFormatMode(baseOptions.format);
  /** Findings that belong to no scanned file's stage: prepare hooks', and verify problems elsewhere. */
  let projectFindings: Finding[] = [];

  const prepared: Record<string, unknown> = {};
  for (const transform of transforms) {
    const prepare = transform.prepare;
    if (typeof prepare !== 'function') continue;
    let result: PrepareResult | void;
    try {
      result = await timedAsync(`prepare ${transform.meta.name}`, async () => prepare(fileMap, { cwd: fileMap.cwd, options: baseOptions, transforms: transforms.map((t) => t.meta.name) }));
    } catch (error) {
      // A user's mistake (bad --project, unreadable plan) stops the run; a crash of the analysis
      // only costs its own transform: without a plan it changes nothing, the others still run.
      if (isUsageError(error)) throw error;
      const message = `${transform.meta.name}: project analysis failed, so it was skipped: ${error instanceof Error ? error.message : String(error)}`;
      projectFindings.push(engineFinding('AM907', '.', { line: 1, column: 1 }, message, transform.meta.name));
      continue;
    }
    if (result?.options) Object.assign(prepared, result.options);
    for (const added of result?.addFiles ?? []) if (!fileMap.has(added)) fileMap.add(added, await fsp.readFile(fileMap.absolutePath(added), 'utf8'));
    if (result?.findings) projectFindings.push(...result.findings);
  }

  const shared = { ...baseOptions, ...prepared };
  const files = await timedAsync('transforms (per file)', () => transformAll(fileMap, transforms, shared, options));
  // format: the changed lines with the project's own Prettier (src/engine/format-prettier.ts)
  if (formatMode === 'auto') {
    const failures = await timedAsync('format', () => formatChangedFiles(fileMap, files.filter((f) => f.status === 'changed').map((f) => f.path)));
    for (const failure of failures) {
      const message = `${failure.path}: the project's Prettier failed on it, so its changed lines are left as async-migrate printed them (${failure.error})`;
      files.find((f) => f.path === failure.path)?.findings.push(engineFinding('AM913', failure.path, { line: 1, column: 1 }, message, 'format'));
    }
  }
  // SARIF fixes and report snippets read as the final text does (src/engine/fix-text.ts)
  for (const file of files) {
    const original = file.status === 'changed' ? fileMap.getOriginal(file.path) : undefined;
    if (original !== undefined) file.findings = replacementsInFinalLayout(file.findings, original, fileMap.getOrThrow(file.path));
  }
  for (const problem of options.loadProblems ?? []) {
    // AM911/AM912 (too large, generated) are skipped on purpose: unchanged, not failed
    const code = problem.code ?? 'AM904';
    const message = problem.message.startsWith(`${problem.path}: `) ? problem.message : `${problem.path}: ${problem.message}`;
    files.push({ path: problem.path, status: code === 'AM904' ? 'failed' : 'unchanged', findings: [engineFinding(code, problem.path, { line: 1, column: 1 }, message)] });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byPath = new Map(files.map((f) => [f.path, f]));

  for (const transform of transforms) {
    const verify = transform.verify;
    if (typeof verify !== 'function' || fileMap.changedPaths().length === 0) continue;
    const verified = await timedAsync(`verify ${transform.meta.name}`, async () => verify(fileMap, shared));
    const problems = Array.isArray(verified) ? verified : verified.problems;
    if (!Array.isArray(verified)) projectFindings.push(...(verified.notes ?? []));
    if (problems.length === 0) continue;
    if (mayRetry && !Array.isArray(verified) && verified.retryWith) return { retryWith: verified.retryWith };
    for (const problem of problems) {
      const file = byPath.get(problem.file);
      if (file) file.findings.push(problem);
      else projectFindings.push(problem);
    }
    // All or nothing: every changed file goes back to its original text.
    for (const file of files) {
      if (file.status !== 'changed') continue;
      fileMap.set(file.path, fileMap.getOriginal(file.path) ?? fileMap.getOrThrow(file.path));
      file.status = 'failed';
      file.findings = file.findings.filter((f) => f.kind !== 'rewritten');
      if (!problems.some((p) => p.file === file.path)) {
        const message = `${transform.meta.name} found ${problems.length} problem${problems.length === 1 ? '' : 's'} in the migrated project (listed with their files), so no file was changed`;
        file.findings.push(engineFinding('AM906', file.path, { line: 1, column: 1 }, message, transform.meta.name));
      }
    }
  }

  const finishers = transforms.flatMap((t) => (typeof t.finish === 'function' ? [t.finish] : []));
  if (finishers.length > 0) {
    const finish = (list: Finding[]) => finishers.reduce((acc, hook) => hook(acc, shared), list);
    projectFindings = finish(projectFindings);
    for (const file of files) file.findings = finish(file.findings);
  }
  return { files, findings: [...projectFindings, ...files.flatMap((f) => f.findings)], prepared };
}

/**
 * The per-file stage over every file of `fileMap`, in worker threads when that pays off
 * (src/engine/pool.ts), else in this thread; updates `fileMap` with changed texts.
 * @returns one result per file, in map order
 */
async function transformAll(fileMap: FileMap, transforms: readonly PipelineTransform[], shared: Record<string, unknown>, options: PipelineOptions): Promise<FileResult[]> {
  const paths = fileMap.paths();
  const results = new Map<string, FileResult>();
  const candidates: PoolJob[] = [];
  let done = 0;
  const record = (filePath: string, result: TextResult) => {
    if (result.status === 'changed') fileMap.set(filePath, result.text);
    results.set(filePath, { path: filePath, status: result.status, findings: result.findings });
    options.onProgress?.(++done, paths.length);
  };
  for (const filePath of paths) {
    const text = fileMap.getOrThrow(filePath);
    const moduleType = (shared.moduleType as ModuleType | undefined) ?? moduleTypeOf(fileMap.absolutePath(filePath));
    const fileOptions = { ...shared, moduleType };
    // the prefilter, here already, so that workers only get files some transform will parse
    if (transforms.some((t) => t.meta.mightApply(text, fileOptions))) candidates.push({ path: filePath, text, moduleType });
    else record(filePath, { status: 'unchanged', text, findings: [] });
  }
  const budget = options.fileBudget ?? DEFAULT_FILE_BUDGET;
  const inThisThread = (job: PoolJob) => record(job.path, transformText(job.path, job.text, transforms, { ...shared, moduleType: job.moduleType }));
  const pool = await planPool(transforms, candidates.length, options.jobs);
  if (pool) {
    await runInWorkers(pool, candidates, shared, record, inThisThread, budget);
  } else {
    // Only a worker can be stopped: large files get one of their own, held to the budget.
    const large = new Set(hasBudget(budget) ? candidates.filter((job) => job.text.length >= BUDGET_WORKER_MIN_CHARS) : []);
    for (const job of candidates) if (!large.has(job)) inThisThread(job);
    const solo = large.size > 0 ? await planBudgetWorker(transforms) : undefined;
    if (solo) await runInWorkers(solo, [...large], shared, record, inThisThread, budget);
    else large.forEach(inThisThread);
  }
  return paths.map((p) => results.get(p) as FileResult);
}

