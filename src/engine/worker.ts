/**
 * A pipeline worker thread (started by src/engine/pool.ts): loads the transforms named in `workerData`
 * (src/engine/transform-modules.ts: the modules without the project analysis), then answers each message — a batch of `{ path, text, moduleType }` — with the
 * `transformText` result of every file, using the run's shared options plus the file's moduleType.
 */
import { parentPort, workerData } from 'worker_threads';
import { transformText } from './transform-text';
import type { PoolJob } from './pool';
import { getTransformModuleOrThrow } from './transform-modules';

const { transformNames, shared } = workerData as { transformNames: string[]; shared: Record<string, unknown> };
const transforms = transformNames.map((name) => getTransformModuleOrThrow(name));

parentPort?.on('message', (batch: PoolJob[]) => {
  const results = batch.map((job) => ({ path: job.path, result: transformText(job.path, job.text, transforms, { ...shared, moduleType: job.moduleType }) }));
  parentPort?.postMessage(results);
});
