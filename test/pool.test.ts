/**
 * The worker pool's protocol on its own, with a small worker script written here (plain JavaScript,
 * so it runs under ts-jest): every job gets exactly one result, from a worker or — when its worker
 * dies or cannot start — from the fallback in this thread; a file that runs out of the per-file time
 * or heap budget gets AM914/AM915 and the rest of its batch goes on in a fresh worker.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runInWorkers, type PoolJob } from '../src/engine/pool';
import type { TextResult } from '../src/engine/transform-text';
import type { FileBudget } from '../src/engine/file-budget';

let dir: string;
let script: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-pool-'));
  script = path.join(dir, 'worker.js');
  // Upper-cases each text; dies (process-level crash of the worker) on a file named crash.js, never
  // ends on loop.js, allocates until its heap is full on alloc.js. Speaks src/engine/worker.ts's protocol.
  fs.writeFileSync(
    script,
    [
      "const { parentPort, workerData } = require('worker_threads');",
      'parentPort.on(\'message\', (batch) => {',
      "  if (batch.some((job) => job.path === 'crash.js')) throw new Error('worker died');",
      '  for (const job of batch) {',
      "    if (job.path === 'loop.js') for (;;);",
      "    if (job.path === 'alloc.js') { const held = []; for (;;) held.push(new Array(10000).fill(held.length)); }",
      "    parentPort.postMessage({ type: 'result', path: job.path, result: { status: 'changed', text: workerData.shared.prefix + job.text.toUpperCase(), findings: [] } });",
      '  }',
      '});',
      "parentPort.postMessage({ type: 'ready' });",
    ].join('\n'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const jobs = (names: string[]): PoolJob[] => names.map((name) => ({ path: name, text: `text of ${name}`, moduleType: 'commonjs' }));

const NO_BUDGET: FileBudget = { timeoutMs: 0, memoryMb: 0 };

async function runPool(names: string[], shared: Record<string, unknown>, budget = NO_BUDGET, workers = 2) {
  const results = new Map<string, TextResult>();
  const fallbacks: string[] = [];
  await runInWorkers(
    { workers, transformNames: [], script },
    jobs(names),
    shared,
    (p, r) => {
      expect(results.has(p)).toBe(false);
      results.set(p, r);
    },
    (job) => fallbacks.push(job.path),
    budget,
  );
  return { results, fallbacks };
}

test('every job gets one result from a worker, with the shared options', async () => {
  const names = Array.from({ length: 23 }, (_, i) => `f${i}.js`);
  const { results, fallbacks } = await runPool(names, { prefix: '>' });
  expect(fallbacks).toEqual([]);
  expect([...results.keys()].sort()).toEqual([...names].sort());
  expect(results.get('f7.js')?.text).toBe('>TEXT OF F7.JS');
});

test("a worker that dies hands its batch to the fallback; the other worker's results stay", async () => {
  const names = ['a.js', 'b.js', 'c.js', 'd.js', 'crash.js', 'e.js', 'f.js', 'g.js', 'h.js', 'i.js', 'j.js', 'k.js'];
  const { results, fallbacks } = await runPool(names, { prefix: '' });
  expect(fallbacks).toContain('crash.js');
  expect([...results.keys(), ...fallbacks].sort()).toEqual([...names].sort());
});

test('options that cannot be copied to a worker leave every job to the fallback', async () => {
  const { results, fallbacks } = await runPool(['a.js', 'b.js', 'c.js'], { prefix: '', notCloneable: () => 1 });
  expect(results.size).toBe(0);
  expect(fallbacks.sort()).toEqual(['a.js', 'b.js', 'c.js']);
});

describe('the per-file budget', () => {
  const codes = (results: Map<string, TextResult>) => new Map([...results].map(([p, r]) => [p, r.findings.map((f) => f.code).join(',')]));

  test.each([1, 2])('a file that never ends is stopped (AM914) and the others, in its batch too, go on (%i workers)', async (workers) => {
    const names = ['a.js', 'loop.js', 'b.js', 'c.js', 'd.js', 'e.js', 'f.js'];
    const { results, fallbacks } = await runPool(names, { prefix: '' }, { timeoutMs: 1500, memoryMb: 0 }, workers);
    expect(fallbacks).toEqual([]);
    expect([...results.keys()].sort()).toEqual([...names].sort());
    expect(results.get('loop.js')).toMatchObject({ status: 'failed', text: 'text of loop.js' });
    expect(results.get('loop.js')!.findings[0].message).toContain('loop.js');
    expect(codes(results).get('loop.js')).toBe('AM914');
    for (const name of names.filter((n) => n !== 'loop.js')) expect(results.get(name)).toMatchObject({ status: 'changed', text: `TEXT OF ${name.toUpperCase()}` });
  });

  test('a time budget longer than a timer can hold (--file-timeout 1e9) is capped at the longest timer (~24.8 days), not fired at once', async () => {
    const { results } = await runPool(['a.js', 'b.js'], { prefix: '' }, { timeoutMs: 1e12, memoryMb: 0 }, 1);
    expect([...results.values()].map((r) => r.status)).toEqual(['changed', 'changed']);
  });

  test('a file that exhausts the heap is stopped (AM915) and the others go on', async () => {
    const names = ['a.js', 'b.js', 'alloc.js', 'c.js', 'd.js'];
    const { results, fallbacks } = await runPool(names, { prefix: '' }, { timeoutMs: 0, memoryMb: 64 }, 1);
    expect(fallbacks).toEqual([]);
    expect(codes(results).get('alloc.js')).toBe('AM915');
    expect(results.get('alloc.js')).toMatchObject({ status: 'failed', text: 'text of alloc.js' });
    expect(['a.js', 'b.js', 'c.js', 'd.js'].map((n) => results.get(n)?.status)).toEqual(['changed', 'changed', 'changed', 'changed']);
  });
});
