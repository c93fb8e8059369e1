/**
 * `audit`'s view of what `run` would do: `run`'s own pipeline (src/engine/pipeline.ts) as a dry run
 * on the audited files, with the default transforms and the options `run` would take from the same
 * flags (`--fs-modules`, `-p/--project`), exactly what `run --check` computes: the plan, the
 * transforms' findings, verification. Nothing is written; the FileMap's texts change in memory only.
 */
import type { Plan } from '../core/plan';
import type { FileMap, LoadProblem } from '../engine/filemap';
import { runPipeline } from '../engine/pipeline';
import type { RunDryRun } from '../audit/run-view';
import { countRun } from '../report/summary';
import { readTransformOptions, selectTransforms } from './shared';

/**
 * Run the pipeline on `fileMap` (its texts are replaced by the migrated ones in memory).
 * @param onProgress called after each file, as `run`'s progress bar is
 * @throws whatever `run` throws for the same input (a UsageError for a bad tsconfig)
 */
export async function dryRunForAudit(fileMap: FileMap, args: { fsModules?: unknown; project?: unknown }, loadProblems: readonly LoadProblem[], onProgress?: (done: number, total: number) => void): Promise<RunDryRun> {
  const transformOptions = readTransformOptions({ fsModules: args.fsModules as string[] | undefined, project: args.project, format: 'off' });
  const result = await runPipeline(fileMap, { transforms: selectTransforms({}), transformOptions, loadProblems, onProgress });
  const counts = countRun(result);
  return { findings: result.findings, plan: result.prepared?.plan as Plan | undefined, counts };
}
