/**
 * The per-file budget: how long, and with how much heap, the per-file stage (every transform on one
 * file, src/engine/transform-text.ts) may run before the file is given up on (AM914 time, AM915
 * memory) so that the other files still go on. A 10 MB bundle took ~100 s and then exhausted the
 * heap, killing the whole run with a native stack trace that named no file (issue 15).
 *
 * Only a worker thread can be held to a budget: its heap is capped with `resourceLimits`
 * (Node.js `worker_threads` docs: `maxOldGenerationSizeMb`; a worker that reaches it ends with
 * `ERR_WORKER_OUT_OF_MEMORY` while the process goes on) and it can be terminated when a file runs
 * too long. Code in the main thread can be neither. So (src/engine/pipeline.ts):
 * - with a pool (src/engine/pool.ts), every file runs in a worker and has the budget;
 * - without one (fewer than 3 CPUs, few files, `--jobs 1`), files larger than
 *   {@link BUDGET_WORKER_MIN_CHARS} run in one worker of their own with the budget; smaller files run
 *   in the main thread without it (their cost is bounded by their size: memory grows ~600 bytes per
 *   byte of source on a bundle, so 256 KiB stays near 150 MB).
 */
import type { TextResult } from './transform-text';
import { engineFinding } from './transform-text';

/** Limits of the per-file stage, per file. 0 means "no limit" for either. */
export interface FileBudget {
  /** Wall-clock milliseconds one file's transforms may take in a worker. */
  timeoutMs: number;
  /** Heap (V8 old generation) of a worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
}

/** Default `--file-timeout`, in seconds: a 1 MiB file takes ~20 s on a loaded 2-core machine. */
export const DEFAULT_FILE_TIMEOUT_S = 120;
/** Default `--file-memory`, in MiB: a 1 MiB file needs ~0.6 GiB; 5 MB needed 2.8–3.9 GiB. */
export const DEFAULT_FILE_MEMORY_MB = 2048;
/** The defaults as a {@link FileBudget}. */
export const DEFAULT_FILE_BUDGET: FileBudget = { timeoutMs: DEFAULT_FILE_TIMEOUT_S * 1000, memoryMb: DEFAULT_FILE_MEMORY_MB };
/**
 * Smallest heap a worker can be given, in MiB: loading the transforms (jscodeshift, Babel, recast)
 * takes ~40 MiB of heap before the first file.
 */
export const MIN_FILE_MEMORY_MB = 128;
/** Without a pool, files of at least this many characters (256 Ki, UTF-16 code units) run in a worker with the budget. */
export const BUDGET_WORKER_MIN_CHARS = 256 * 1024;

/** Whether `budget` limits anything. */
export function hasBudget(budget: FileBudget): boolean {
  return budget.timeoutMs > 0 || budget.memoryMb > 0;
}

/** Which limit a file broke. */
export type BudgetBreach = 'time' | 'memory';

/**
 * The result of a file whose worker was stopped: unchanged, failed, with AM914 (time) or AM915
 * (memory) naming the file and the option that sets the limit.
 */
export function budgetResult(filePath: string, text: string, breach: BudgetBreach, budget: FileBudget): TextResult {
  const message =
    breach === 'time'
      ? `${filePath}: the transforms ran longer than ${formatSeconds(budget.timeoutMs)} on this file, so it was stopped and left unchanged; the other files went on (exclude it with --ignore, or raise --file-timeout)`
      : `${filePath}: the transforms needed more than ${budget.memoryMb} MB of heap on this file, so it was stopped and left unchanged; the other files went on (exclude it with --ignore, or raise --file-memory)`;
  return { status: 'failed', text, findings: [engineFinding(breach === 'time' ? 'AM914' : 'AM915', filePath, { line: 1, column: 1 }, message)] };
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
