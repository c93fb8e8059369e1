/**
 * The engine's verification step for propagate-async (src/pipeline.ts calls it once after every
 * file is transformed): the migrated project must type-check with no new diagnostic and introduce no
 * floating promise (src/plan/verify.ts). Off with `--no-verify`. Returns AM340/AM341 findings; the
 * pipeline then writes nothing.
 */
import * as path from 'path';
import type { Finding } from '../../src/findings';
import type { FileMap } from '../../src/filemap';
import { readPlan } from './read-plan';

/** Verify the FileMap's migrated texts against its originals. */
export function verifyPlan(fileMap: FileMap, options: Readonly<Record<string, unknown>>): Finding[] {
  if (options.verify === false) return [];
  const plan = readPlan(options.plan);
  if (!plan || Object.values(plan.files).every((f) => f.asyncFunctions.length === 0 && f.awaitSites.length === 0)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { verifyMigration } = require('../../src/plan/verify') as typeof import('../../src/plan/verify');
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const p of fileMap.paths()) {
    before.set(fileMap.absolutePath(p), fileMap.getOriginal(p) ?? fileMap.getOrThrow(p));
    after.set(fileMap.absolutePath(p), fileMap.getOrThrow(p));
  }
  return verifyMigration(before, after, {
    cwd: fileMap.cwd,
    project: typeof options.project === 'string' ? options.project : undefined,
    displayPath: (file) => path.relative(fileMap.cwd, file).split(path.sep).join('/'),
  });
}
