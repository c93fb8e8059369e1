/**
 * Worker threads for the pipeline's per-file stage, so a run uses every core (jscodeshift's own
 * runner leaves one idle on a 2-core machine).
 *
 * Each worker (src/engine/worker.ts) loads the registry once, receives the run's shared options
 * (the prepare hooks' Plan included) once as `workerData`, then takes batches of files
 * `{ path, text, moduleType }` and answers with `transformText` results. Batches are handed out on
 * demand, so a slow file does not hold up the others. Each file is held to the per-file budget
 * (src/engine/file-budget.ts): a worker's heap is capped, and a file that runs out of it or of time gets
 * AM915/AM914 while the rest of its batch goes to a fresh worker. A worker that dies otherwise (or
 * options that cannot be copied to a worker) never loses files: its unfinished batch is redone in this
 * thread.
 */
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { TransformModule } from './apply';
import type { ModuleType } from '../core/module-type';
import type { TextResult } from './transform-text';
import { budgetResult, type BudgetBreach, type FileBudget } from './file-budget';

/** One file for the per-file stage. */
export interface PoolJob {
  path: string;
  text: string;
  moduleType: ModuleType;
}

/** What a worker says (src/engine/worker.ts): ready once its transforms are loaded, then one result per file. */
export type WorkerMessage = { type: 'ready' } | { type: 'result'; path: string; result: TextResult };

/** What a worker needs to start. */
export interface PoolPlan {
  workers: number;
  transformNames: string[];
  script: string;
}

/**
 * Below this many files to parse, workers cost more than they save: each worker warms up its own
 * JIT, so on 900 small files two workers used ~35% more CPU in total than one thread (measured on
 * this project's 2-core machine); they win only when the cores are otherwise idle and the work is
 * large.
 */
export const AUTO_POOL_MIN_FILES = 200;
/**
 * Fewest CPUs for workers without an explicit --jobs. On 2 cores they do not pay in CPU (issue 13,
 * bench/README.md): on commitlint (358 files) two workers cost +1.0 CPU-s for −1.8 s wall on the first
 * attempt and +1.7 CPU-s for +0.3 s wall on a verification retry, while the main thread holds the
 * project analysis; with 3 or more cores a worker no longer competes with the main thread.
 */
export const AUTO_POOL_MIN_CPUS = 3;
/** Most workers started without an explicit --jobs. */
const AUTO_POOL_MAX_WORKERS = 4;
/** Longest delay setTimeout takes (2^31 − 1 ms, ~24.8 days; Node.js fires a longer one after 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Files per message to a worker. */
const BATCH_SIZE = 4;

/**
 * Whether and how to use workers for `candidates` files.
 * @param jobs 1: never; n > 1: n workers (if possible); undefined: automatic
 * @returns the pool to start, or undefined to run in this thread
 */
export async function planPool(transforms: readonly TransformModule[], candidates: number, jobs: number | undefined): Promise<PoolPlan | undefined> {
  if (jobs === 1 || candidates < 2) return undefined;
  const cpus = availableParallelism();
  const workers = jobs ?? (candidates >= AUTO_POOL_MIN_FILES && cpus >= AUTO_POOL_MIN_CPUS ? Math.min(cpus, AUTO_POOL_MAX_WORKERS) : 1);
  if (workers < 2) return undefined;
  const script = await workerScriptFor(transforms);
  return script ? { workers: Math.min(workers, candidates), transformNames: transforms.map((t) => t.meta.name), script } : undefined;
}

/**
 * One worker, for the files that must be held to the per-file budget when there is no pool.
 * @returns undefined when workers cannot run these transforms (see {@link workerScriptFor})
 */
export async function planBudgetWorker(transforms: readonly TransformModule[]): Promise<PoolPlan | undefined> {
  const script = await workerScriptFor(transforms);
  return script ? { workers: 1, transformNames: transforms.map((t) => t.meta.name), script } : undefined;
}

/** The worker script, or undefined when there is none (ts-jest) or a transform is not in the registry. */
async function workerScriptFor(transforms: readonly TransformModule[]): Promise<string | undefined> {
  // Workers run compiled JavaScript: under ts-jest (src/*.ts) there is no worker script.
  const script = path.join(__dirname, 'worker.js');
  if (!existsSync(script)) return undefined;
  // Workers find transforms by name in the registry: in-memory transform objects cannot travel.
  const { getTransform } = await import('./registry');
  return transforms.every((t) => getTransform(t.meta.name) === t) ? script : undefined;
}

/**
 * Run `jobs` in the pool's workers, each file held to `budget`. `onResult` is called once per job,
 * from this thread, in the order results arrive (a file that broke the budget gets its AM914/AM915
 * result); `fallback` processes a job in this thread when its worker failed for another reason.
 */
export async function runInWorkers(
  pool: PoolPlan,
  jobs: readonly PoolJob[],
  shared: Record<string, unknown>,
  onResult: (filePath: string, result: TextResult) => void,
  fallback: (job: PoolJob) => void,
  budget: FileBudget,
): Promise<void> {
  const queue = [...jobs];
  const leftovers: PoolJob[] = [];
  const context: WorkerRun = { pool, shared, budget, queue, leftovers, onResult };
  // A worker stopped for a budget breach is replaced (the breach used up one file, so this ends).
  const runWorker = async () => {
    let outcome = await runOneWorker(context);
    while (outcome === 'replace' && queue.length > 0) outcome = await runOneWorker(context);
  };
  await Promise.all(Array.from({ length: pool.workers }, runWorker));
  // Jobs of workers that failed or never started, and any the workers left in the queue.
  for (const job of [...leftovers, ...queue]) fallback(job);
}

/** What {@link runOneWorker} shares with the other workers of a run. */
interface WorkerRun {
  pool: PoolPlan;
  shared: Record<string, unknown>;
  budget: FileBudget;
  /** Jobs not yet handed out (shared; a stopped worker's unfinished jobs go back to the front). */
  queue: PoolJob[];
  /** Jobs of workers that failed for a reason other than the budget: redone in this thread. */
  leftovers: PoolJob[];
  onResult: (filePath: string, result: TextResult) => void;
}

/**
 * One worker's life: take batches from the queue until it is empty.
 * @returns 'replace' when the worker was stopped for a budget breach (its file reported, the rest of
 *   its batch back in the queue), 'done' otherwise
 */
function runOneWorker(run: WorkerRun): Promise<'replace' | 'done'> {
  const { pool, budget, queue } = run;
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const resourceLimits = budget.memoryMb > 0 ? { maxOldGenerationSizeMb: budget.memoryMb } : undefined;
      worker = new Worker(pool.script, { workerData: { transformNames: pool.transformNames, shared: run.shared }, resourceLimits });
    } catch {
      // e.g. DataCloneError: an option that cannot be copied to a worker; this thread does the work
      resolve('done');
      return;
    }
    /** The batch being worked on, in the worker's order: the first one is the file in progress. */
    let current: PoolJob[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    // the clock of the file in progress starts when the worker is ready and again after each result
    const startClock = () => {
      clearTimeout(timer);
      if (budget.timeoutMs > 0 && current.length > 0) timer = setTimeout(() => stop('time'), Math.min(budget.timeoutMs, MAX_TIMER_MS));
    };
    const stop = (breach?: BudgetBreach) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      const [inProgress, ...rest] = current;
      current = [];
      if (breach && inProgress) {
        run.onResult(inProgress.path, budgetResult(inProgress.path, inProgress.text, breach, budget));
        queue.unshift(...rest);
        resolve('replace');
      } else {
        run.leftovers.push(...(inProgress ? [inProgress, ...rest] : []));
        resolve('done');
      }
    };
    const next = () => {
      current = queue.splice(0, BATCH_SIZE);
      if (current.length === 0) stop();
      else {
        worker.postMessage(current);
        startClock();
      }
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'ready') return next();
      current = current.filter((job) => job.path !== message.path);
      run.onResult(message.path, message.result);
      if (current.length === 0) next();
      else startClock();
    });
    worker.on('error', (error: Error & { code?: string }) => stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : undefined));
    worker.on('exit', () => stop());
  });
}
