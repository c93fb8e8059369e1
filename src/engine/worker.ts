/**
 * A pipeline worker thread (started by src/engine/pool.ts): loads the transforms named in `workerData`
 * from the registry, then answers each message — a batch of `{ path, text, moduleType }` — with the
 * `transformText` result of every file, using the run's shared options plus the file's moduleType.
 */
import { parentPort, workerData } from 'worker_threads';
import { transformText } from './pipeline';
import type { PoolJob } from './pool';
import { getTransformOrThrow } from './registry';

const { transformNames, shared } = workerData as { transformNames: string[]; shared: Record<string, unknown> };
const transforms = transformNames.map((name) => getTransformOrThrow(name));

parentPort?.on('message', (batch: PoolJob[]) => {
  const results = batch.map((job) => ({ path: job.path, result: transformText(job.path, job.text, transforms, { ...shared, moduleType: job.moduleType }) }));
  parentPort?.postMessage(results);
});
