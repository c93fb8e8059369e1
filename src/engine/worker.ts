/**
 * A pipeline worker thread (started by src/engine/pool.ts): loads the transforms named in `workerData`
 * (src/engine/transform-modules.ts: the modules without the project analysis), says `{ type: 'ready' }`,
 * then answers each message — a batch of `{ path, text, moduleType }` — with one
 * `{ type: 'result', path, result }` per file as soon as that file is done (the `transformText` result,
 * using the run's shared options plus the file's moduleType), so the pool can time each file.
 */
import { parentPort, workerData } from 'worker_threads';
import { transformText } from './transform-text';
import type { PoolJob, WorkerMessage } from './pool';
import { getTransformModuleOrThrow } from './transform-modules';

const { transformNames, shared } = workerData as { transformNames: string[]; shared: Record<string, unknown> };
const transforms = transformNames.map((name) => getTransformModuleOrThrow(name));

const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.on('message', (batch: PoolJob[]) => {
  for (const job of batch) post({ type: 'result', path: job.path, result: transformText(job.path, job.text, transforms, { ...shared, moduleType: job.moduleType }) });
});
post({ type: 'ready' });
