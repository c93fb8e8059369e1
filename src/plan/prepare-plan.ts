/**
 * The engine's analysis step for propagate-async: plan the whole FileMap once, before any file is
 * transformed, on the texts as they are (the original texts: propagate-async runs first), and hand
 * the Plan to every transform as `options.plan` (fs-promises reads nothing from it: the functions it
 * needs are async by the time it runs).
 *
 * A run whose files have no sync fs call (the same cheap text test fs-promises uses), no blocking call
 * blocking-apis rewrites (when it runs; src/core/blocking-api.ts) and no `--seed`
 * gets an empty plan without loading the project (so a function with a stray `await` but no
 * `async` is only planned when there is something else to plan).
 *
 * It also hands collapse-delegation `options.promiseCallees` (src/plan/promise-callee-oracle.ts): which
 * imported callees are async functions, or functions the plan makes async, built on the same program.
 *
 * Findings: every sync fs call the plan keeps sync is reported here with the blocking reason code
 * and the whole chain, unless fs-promises runs too — then fs-promises reports the call (AM106) and
 * {@link ./explain-sync-findings} gives that finding the plan's reason, so each site is reported once.
 */
import { fsMocksOf } from '../core/fs-mocks';
import type { VerifyPin } from './verify-plan';
import { UsageError } from '../core/errors';
import { parseNodeTarget } from '../core/node-target';
import { readTestsMode } from '../core/test-files';
import type { Finding } from '../core/findings';
import { readPlan } from '../core/read-plan';
import { brokenConfigFindings, explainBrokenConfigSites } from './project-faults';
import { selectChangeSets } from './drop-change-sets';
import { mightUseSyncFs } from '../core/fs-api';
import { BLOCKING_SYNC_NAMES, mightUseBlockingApi } from '../core/blocking-api';
import { timed } from '../core/timings';
import type { FileTexts } from '../core/transform';
import type { PrepareContext, PrepareResult } from '../core/transform';
import type { Plan } from '../core/plan';

/** Read a CLI/array option as a list of strings. */
function readList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value === 'string' && value !== '') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/**
 * The project each FileMap was planned on (its original texts), for verification to compare against
 * instead of loading and checking the original project once more. Main thread only; weakly held.
 */
export const analysedProjects = new WeakMap<FileTexts, import('./load-project').LoadedProject>();

/**
 * Plan the FileMap.
 * @throws Error for user errors (tsconfig, --seed, --public-api value), with a message naming what to fix.
 */
export function preparePlan(fileMap: FileTexts, context: PrepareContext): PrepareResult {
  const options = context.options;
  // --public-api: change or keep; absent or auto: by package kind (src/plan/public-api.ts).
  const publicApi = options.publicApi === undefined || options.publicApi === null || options.publicApi === '' || options.publicApi === 'auto' ? undefined : options.publicApi;
  if (publicApi !== undefined && publicApi !== 'change' && publicApi !== 'keep') throw new UsageError(`--public-api must be change, keep or auto, not ${String(publicApi)}`);
  // --target: a Node.js version (node22, node24, …); absent: detected from the project (src/plan/target.ts).
  const target = options.target === undefined || options.target === null || options.target === '' ? undefined : String(options.target);
  if (target !== undefined && !parseNodeTarget(target)) throw new UsageError(`--target must be a Node.js version like node22 or node24, not ${target}`);
  const tests = readTestsMode(options.tests);
  if (!tests) throw new UsageError(`--tests must be follow or migrate, not ${String(options.tests)}`);
  const concurrency = options.concurrency ?? 'parallel';
  if (concurrency !== 'parallel' && concurrency !== 'sequential') throw new UsageError(`--concurrency must be parallel or sequential, not ${String(concurrency)}`);
  // A saved plan (--plan plan.json) is applied as it is, without planning again.
  // A plan file the user saved may be narrowed with --changeset; a plan object is a verification
  // retry's (already narrowed, maybe with sets dropped since).
  const read = readPlan(options.plan);
  const saved = read && typeof options.plan === 'string' ? selectRequestedChangeSets(read, readList(options.changeset)) : read;
  if (saved) return { options: { plan: saved, planCwd: context.cwd, ...(saved.target ? { target: saved.target.name } : {}) }, findings: unreportedBlocked(saved, context.transforms) };
  // Nothing to seed (no sync fs call anywhere, no --seed): no project to load.
  const seeds = readList(options.seed);
  const fsModules = readList(options.fsModules);
  const blockingApis = context.transforms.includes('blocking-apis');
  const hasWork = (text: string) => mightUseSyncFs(text, fsModules) || (blockingApis && mightUseBlockingApi(text));
  if (seeds.length === 0 && !fileMap.paths().some((p) => hasWork(fileMap.getOrThrow(p)))) {
    return { options: { plan: { version: 1, tsconfig: null, files: {}, apiChanges: [], apiKept: [], edges: [] } satisfies Plan, planCwd: context.cwd } };
  }
  // ts-morph is loaded only when a plan is made.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { planProject } = require('../../src/plan/plan-project') as typeof import('./plan-project');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildPromiseCalleeTable } = require('../../src/plan/promise-callee-oracle') as typeof import('./promise-callee-oracle');
  let loaded: import('./load-project').LoadedProject | undefined;
  const texts = new Map<string, string>();
  for (const p of fileMap.paths()) texts.set(fileMap.absolutePath(p), fileMap.getOrThrow(p));
  let plan: Plan = timed('plan: project analysis (program + call graph)', () => planProject(texts, {
    cwd: context.cwd,
    // Whole-project analysis; the run's paths choose the change sets (src/plan/file-set.ts).
    fileSet: { expand: options.expand === true },
    project: typeof options.project === 'string' ? options.project : undefined,
    seeds,
    publicApi,
    tests,
    fsModules,
    blockingApis,
    concurrency,
    allowCallbacks: readList(options.allowCallbacks),
    target,
    verifyPins: Array.isArray(options.verifyPins) ? (options.verifyPins as VerifyPin[]) : [],
    fsMocks: fsMocksOf(fileMap),
    onLoaded: (project) => (loaded = project),
  }));
  plan = selectRequestedChangeSets(plan, readList(options.changeset));
  if (loaded) explainBrokenConfigSites(plan, loaded, context.cwd);
  const findings: Finding[] = unreportedBlocked(plan, context.transforms);
  if (loaded) findings.push(...brokenConfigFindings(loaded, texts, context.cwd, fsModules));
  // collapse-delegation's oracle for imported callees, from the same program (plain data: it crosses to workers).
  const promiseCallees = loaded ? timed('plan: promise-callee table', () => buildPromiseCalleeTable(loaded as import('./load-project').LoadedProject, plan, context.cwd)) : undefined;
  if (loaded) analysedProjects.set(fileMap, loaded);
  // The target the plan chose (detected or given) is the one every transform sees (fs-promises' stat rewrite).
  return { options: { plan, planCwd: context.cwd, ...(plan.target ? { target: plan.target.name } : {}), ...(promiseCallees ? { promiseCallees } : {}) }, findings, ...(plan.expandedFiles ? { addFiles: plan.expandedFiles } : {}) };
}

/**
 * `--changeset <id>` (repeatable): only those change sets of the plan.
 * @throws UsageError naming the unknown ids and the plan's
 */
function selectRequestedChangeSets(plan: Plan, ids: readonly string[]): Plan {
  if (ids.length === 0) return plan;
  try {
    return selectChangeSets(plan, ids);
  } catch (error) {
    throw new UsageError(`--changeset: ${(error as Error).message}`);
  }
}

const BLOCKING_SUBJECTS = new Set([...BLOCKING_SYNC_NAMES, 'Atomics.wait']);

/**
 * The plan's blocked sites that no selected transform reports itself: fs-promises reports its sync fs
 * calls and blocking-apis its blocking calls (each with AM106, which the finish hook explains), so each
 * site is reported once.
 */
function unreportedBlocked(plan: Plan, transforms: readonly string[]): Finding[] {
  const fs = transforms.includes('fs-promises');
  const blocking = transforms.includes('blocking-apis');
  return blockedFindings(plan).filter((f) => {
    const isBlocking = f.subject !== undefined && BLOCKING_SUBJECTS.has(f.subject);
    return isBlocking ? !blocking : !fs;
  });
}

/** One left-alone finding per blocked site of the plan. */
export function blockedFindings(plan: Plan): Finding[] {
  return Object.values(plan.files).flatMap((fp) =>
    fp.blocked.map((b): Finding => ({ transform: 'propagate-async', kind: 'left-alone', code: b.code, message: b.message, file: b.file, line: b.line, column: b.column, subject: b.subject })),
  );
}
