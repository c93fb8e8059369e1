/**
 * The propagate-async Plan of a finished run, for the pull-request description (its exported
 * signature changes and propagation chains). The pipeline keeps the Plan to itself, so the report
 * plans again — with propagate-async's own prepare step, on the run's ORIGINAL texts and the run's
 * options, which is exactly what the run planned on (the analysis is deterministic). This costs one
 * more analysis, only when a Markdown report is asked for.
 */
import { FileMap } from '../filemap';
import type { PipelineTransform } from '../pipeline';
import type { Plan } from '../plan/types';

/**
 * The Plan of a run, or undefined when the run did not include propagate-async.
 * @param fileMap the run's FileMap (its originals are used, whatever was rewritten or written)
 * @throws whatever the analysis throws (a bad tsconfig would already have stopped the run)
 */
export async function planOfRun(fileMap: FileMap, transforms: readonly PipelineTransform[], options: Record<string, unknown>): Promise<Plan | undefined> {
  const propagate = transforms.find((t) => t.meta.name === 'propagate-async');
  if (!propagate || typeof propagate.prepare !== 'function') return undefined;
  const originals = new FileMap(fileMap.cwd);
  for (const p of fileMap.paths()) originals.add(p, fileMap.getOriginal(p) ?? fileMap.getOrThrow(p));
  const prepared = await propagate.prepare(originals, { cwd: fileMap.cwd, options, transforms: transforms.map((t) => t.meta.name) });
  const plan = prepared?.options?.plan;
  return plan && typeof plan === 'object' ? (plan as Plan) : undefined;
}
