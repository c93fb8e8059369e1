/**
 * The worker pool's protocol on its own, with a small worker script written here (plain JavaScript,
 * so it runs under ts-jest): every job gets exactly one result, from a worker or — when its worker
 * dies or cannot start — from the fallback in this thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runInWorkers, type PoolJob } from '../src/engine/pool';
import type { TextResult } from '../src/engine/transform-text';

let dir: string;
let script: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-pool-'));
  script = path.join(dir, 'worker.js');
  // Upper-cases each text; dies (process-level crash of the worker) on a file named crash.js.
  fs.writeFileSync(
    script,
    [
      "const { parentPort, workerData } = require('worker_threads');",
      'parentPort.on(\'message\', (batch) => {',
      "  if (batch.some((job) => job.path === 'crash.js')) throw new Error('worker died');",
      "  parentPort.postMessage(batch.map((job) => ({ path: job.path, result: { status: 'changed', text: workerData.shared.prefix + job.text.toUpperCase(), findings: [] } })));",
      '});',
    ].join('\n'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const jobs = (names: string[]): PoolJob[] => names.map((name) => ({ path: name, text: `text of ${name}`, moduleType: 'commonjs' }));

async function runPool(names: string[], shared: Record<string, unknown>) {
  const results = new Map<string, TextResult>();
  const fallbacks: string[] = [];
  await runInWorkers(
    { workers: 2, transformNames: [], script },
    jobs(names),
    shared,
    (p, r) => {
      expect(results.has(p)).toBe(false);
      results.set(p, r);
    },
    (job) => fallbacks.push(job.path),
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
