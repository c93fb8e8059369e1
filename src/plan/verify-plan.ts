/**
 * The engine's verification step for propagate-async (src/engine/pipeline.ts calls it once after every
 * file is transformed): the migrated project must type-check with no new diagnostic and introduce no
 * floating promise (src/plan/verify.ts). Off with `--no-verify`. Returns AM340/AM341 findings; the
 * pipeline then writes nothing.
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { FileTexts } from '../core/transform';
import type { VerifyOutcome } from '../core/transform';
import { planNameKey, type Suspect } from './verify-suspects';
import { analysedProjects } from './prepare-plan';
import { readPlan } from '../core/read-plan';

/** A function kept sync after a failed verification: absolute file, name (last segment), and why. */
export interface VerifyPin {
  file: string;
  name: string;
  why: string;
}

/**
 * Verify the FileMap's migrated texts against its originals. On problems, the functions the plan
 * made async that the problems mention (src/plan/verify-suspects.ts) come back as `retryWith.verifyPins`
 * (added to the pins of earlier attempts), so the pipeline plans again with them kept sync; with
 * no new suspect, the problems are final.
 */
export function verifyPlan(fileMap: FileTexts, options: Readonly<Record<string, unknown>>): Finding[] | VerifyOutcome {
  if (options.verify === false) return [];
  const plan = readPlan(options.plan);
  if (!plan || Object.values(plan.files).every((f) => f.asyncFunctions.length === 0 && f.awaitSites.length === 0)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { verifyMigration } = require('../../src/plan/verify') as typeof import('./verify');
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const p of fileMap.paths()) {
    before.set(fileMap.absolutePath(p), fileMap.getOriginal(p) ?? fileMap.getOrThrow(p));
    after.set(fileMap.absolutePath(p), fileMap.getOrThrow(p));
  }
  const planCwd = typeof options.planCwd === 'string' ? options.planCwd : fileMap.cwd;
  const asyncNames = new Map<string, Set<string>>();
  for (const filePlan of Object.values(plan.files)) {
    for (const fn of filePlan.asyncFunctions) {
      const key = planNameKey(fn.name);
      if (!key) continue;
      const file = path.resolve(planCwd, fn.file);
      const names = asyncNames.get(file) ?? new Set<string>();
      names.add(key);
      asyncNames.set(file, names);
    }
  }
  let suspects: Suspect[] = [];
  const problems = verifyMigration(before, after, {
    original: analysedProjects.get(fileMap),
    cwd: fileMap.cwd,
    project: typeof options.project === 'string' ? options.project : undefined,
    displayPath: (file) => path.relative(fileMap.cwd, file).split(path.sep).join('/'),
    asyncNames,
    onSuspects: (found) => (suspects = found),
  });
  const earlier = Array.isArray(options.verifyPins) ? (options.verifyPins as VerifyPin[]) : [];
  const fresh = suspects.filter((s) => !earlier.some((e) => e.file === s.file && e.name === s.name));
  if (problems.length === 0 || fresh.length === 0) return problems;
  return { problems, retryWith: { verifyPins: [...earlier, ...fresh.map((s): VerifyPin => ({ file: s.file, name: s.name, why: s.why }))] } };
}
