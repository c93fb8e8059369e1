/**
 * Per-phase timings for `ASYNC_MIGRATE_TIMINGS=1` (issue 13: where a full run spends its time).
 *
 * With the variable set to `1`, {@link timed} and {@link timedAsync} print one line per phase to
 * standard error: `async-migrate timing <phase>: cpu <s> s, wall <s> s` — CPU is the process's user +
 * system time (`process.cpuUsage()`, every thread of the process, so worker threads count too), wall is
 * elapsed time. Nested phases print their own line (the outer line includes them). Without the
 * variable both helpers only call the function. {@link reportStartup} prints what the process spent
 * before the pipeline began (Node.js start, module loading, discovery of the files).
 *
 * Lives in src/core so every layer (engine, plan) can time itself without importing upwards.
 */

/** Whether timings are printed (read once per call, so tests can set the variable). */
export function timingsEnabled(): boolean {
  return process.env.ASYNC_MIGRATE_TIMINGS === '1';
}

function print(phase: string, cpuMicros: number, wallMs: number): void {
  process.stderr.write(`async-migrate timing ${phase}: cpu ${(cpuMicros / 1e6).toFixed(2)} s, wall ${(wallMs / 1000).toFixed(2)} s\n`);
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Run `fn`, printing its CPU and wall time under `phase` when timings are enabled.
 * @returns what `fn` returns; rethrows what it throws (the time is printed either way)
 */
export function timed<T>(phase: string, fn: () => T): T {
  if (!timingsEnabled()) return fn();
  const cpu = cpuNow();
  const wall = performance.now();
  try {
    return fn();
  } finally {
    print(phase, cpuNow() - cpu, performance.now() - wall);
  }
}

/** {@link timed} for an async function: the time until its promise settles. */
export async function timedAsync<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!timingsEnabled()) return fn();
  const cpu = cpuNow();
  const wall = performance.now();
  try {
    return await fn();
  } finally {
    print(phase, cpuNow() - cpu, performance.now() - wall);
  }
}

/** Print, once per process, the CPU and wall time spent since the process started (start-up, discovery). */
export function reportStartup(phase: string): void {
  if (!timingsEnabled() || startupReported) return;
  startupReported = true;
  print(phase, cpuNow(), performance.now());
}

let startupReported = false;
