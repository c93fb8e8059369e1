/**
 * Worker threads for the pipeline's per-file stage, so a run uses every core (jscodeshift's own
 * runner leaves one idle on a 2-core machine).
 *
 * Each worker (src/engine/worker.ts) loads the registry once, receives the run's shared options
 * (the prepare hooks' Plan included) once as `workerData`, then takes batches of files
 * `{ path, text, moduleType }` and answers with `transformText` results. Batches are handed out on
 * demand, so a slow file does not hold up the others. A worker that dies (or options that cannot be
 * copied to a worker) never loses files: its unfinished batch is redone in this thread.
 */
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { TransformModule } from './apply';
import type { ModuleType } from '../core/module-type';
import type { TextResult } from './transform-text';

/** One file for the per-file stage. */
export interface PoolJob {
  path: string;
  text: string;
  moduleType: ModuleType;
}

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
  // Workers run compiled JavaScript: under ts-jest (src/*.ts) there is no worker script.
  const script = path.join(__dirname, 'worker.js');
  if (!existsSync(script)) return undefined;
  // Workers find transforms by name in the registry: in-memory transform objects cannot travel.
  const { getTransform } = await import('./registry');
  if (!transforms.every((t) => getTransform(t.meta.name) === t)) return undefined;
  return { workers: Math.min(workers, candidates), transformNames: transforms.map((t) => t.meta.name), script };
}

/**
 * Run `jobs` in the pool's workers. `onResult` is called once per job, from this thread, in the
 * order results arrive; `fallback` processes a job in this thread when its worker failed.
 */
export async function runInWorkers(
  pool: PoolPlan,
  jobs: readonly PoolJob[],
  shared: Record<string, unknown>,
  onResult: (filePath: string, result: TextResult) => void,
  fallback: (job: PoolJob) => void,
): Promise<void> {
  const queue = [...jobs];
  const leftovers: PoolJob[] = [];
  const runWorker = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(pool.script, { workerData: { transformNames: pool.transformNames, shared } });
      } catch {
        // e.g. DataCloneError: an option that cannot be copied to a worker; this thread does the work
        resolve();
        return;
      }
      let current: PoolJob[] = [];
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        leftovers.push(...current);
        current = [];
        void worker.terminate();
        resolve();
      };
      const next = () => {
        current = queue.splice(0, BATCH_SIZE);
        if (current.length === 0) finish();
        else worker.postMessage(current);
      };
      worker.on('message', (results: { path: string; result: TextResult }[]) => {
        for (const { path: filePath, result } of results) onResult(filePath, result);
        current = [];
        next();
      });
      worker.on('error', finish);
      worker.on('exit', finish);
      next();
    });
  await Promise.all(Array.from({ length: pool.workers }, runWorker));
  // Jobs of workers that failed or never started, and any the workers left in the queue.
  for (const job of [...leftovers, ...queue]) fallback(job);
}
