/**
 * The engine's verification step for propagate-async (src/engine/pipeline.ts calls it once after every
 * file is transformed): the migrated project must type-check with no new diagnostic and introduce no
 * floating promise (src/plan/verify.ts). Off with `--no-verify`.
 *
 * With change sets (src/plan/change-sets.ts), a problem sinks only the sets it belongs to
 * (src/plan/attribute-problems.ts): the verdict asks the pipeline for one more attempt with the plan
 * minus those sets (src/plan/drop-change-sets.ts), applied as it is — no new analysis — and the
 * dropped sets are reported with the problem (AM343; AM344 when the problem could not be attributed
 * and every set of its file, or every set, was dropped: the run then exits 3). Plans without change
 * sets (saved by an older version) fall back to pinning the functions the problems mention and
 * planning again.
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { Plan, PlanDroppedChangeSet } from '../core/plan';
import type { FileTexts, VerifyOutcome } from '../core/transform';
import { planNameKey, type Suspect } from './verify-suspects';
import { analysedProjects } from './prepare-plan';
import { readPlan } from '../core/read-plan';
import { attributeProblem, entriesByFile, namedSetsOf, setsInFile } from './attribute-problems';
import { dropChangeSets } from './drop-change-sets';
import type { VerifyResult } from './verify';

/** A function kept sync after a failed verification: absolute file, name (last segment), and why. */
export interface VerifyPin {
  file: string;
  name: string;
  why: string;
}

/** `TS2769 at src/fix.ts:4:10: No overload matches this call.` */
function describeProblem(finding: Finding): string {
  const ts = /^new type error after the migration: (TS\d+) (.*)$/.exec(finding.message);
  return ts ? `${ts[1]} at ${finding.file}:${finding.line}:${finding.column}: ${ts[2]}` : `${finding.message} (${finding.file}:${finding.line}:${finding.column})`;
}

/**
 * The change sets to drop for `result`'s problems: attributed ones as AM343, the others as AM344
 * (every set of the problem's file, or every set when none edits it).
 */
export function changeSetsToDrop(plan: Plan, planCwd: string, result: VerifyResult): PlanDroppedChangeSet[] {
  const labels = new Map((plan.changeSets ?? []).map((c) => [c.id, c.label]));
  const drops = new Map<string, PlanDroppedChangeSet>();
  const byFile = entriesByFile(plan, planCwd);
  const namedSets = namedSetsOf(plan);
  for (const problem of result.problems) {
    let ids = attributeProblem(problem, { plan, planCwd, migrated: result.migrated, maps: result.maps, namedSets }, byFile);
    let code: PlanDroppedChangeSet['code'] = 'AM343';
    if (ids.length === 0) {
      code = 'AM344';
      ids = setsInFile(byFile, problem.file);
      if (ids.length === 0) ids = [...labels.keys()];
    }
    for (const id of ids) if (!drops.has(id)) drops.set(id, { id, label: labels.get(id) ?? id, code, why: describeProblem(problem.finding) });
  }
  return [...drops.values()];
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
  const { compareProjects, verifyMigration } = require('./verify') as typeof import('./verify');
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const p of fileMap.paths()) {
    before.set(fileMap.absolutePath(p), fileMap.getOriginal(p) ?? fileMap.getOrThrow(p));
    after.set(fileMap.absolutePath(p), fileMap.getOrThrow(p));
  }
  const planCwd = typeof options.planCwd === 'string' ? options.planCwd : fileMap.cwd;
  const displayPath = (file: string) => path.relative(fileMap.cwd, file).split(path.sep).join('/');
  const project = typeof options.project === 'string' ? options.project : undefined;
  if ((plan.changeSets ?? []).length > 0) {
    const result = compareProjects(before, after, { original: analysedProjects.get(fileMap), cwd: fileMap.cwd, project, displayPath });
    const problems = result.problems.map((p) => p.finding);
    if (problems.length === 0) return { problems: [], notes: result.notes };
    const drops = changeSetsToDrop(plan, planCwd, result);
    if (drops.length === 0) return { problems, notes: result.notes };
    const retryWith: Record<string, unknown> = { plan: dropChangeSets(plan, drops), planCwd };
    if (options.promiseCallees !== undefined) retryWith.promiseCallees = options.promiseCallees;
    return { problems, notes: result.notes, retryWith };
  }
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
  const all = verifyMigration(before, after, {
    original: analysedProjects.get(fileMap),
    cwd: fileMap.cwd,
    project,
    displayPath,
    asyncNames,
    onSuspects: (found) => (suspects = found),
  });
  const notes = all.filter((f) => f.code === 'AM345');
  const problems = all.filter((f) => f.code !== 'AM345');
  const earlier = Array.isArray(options.verifyPins) ? (options.verifyPins as VerifyPin[]) : [];
  const fresh = suspects.filter((s) => !earlier.some((e) => e.file === s.file && e.name === s.name));
  if (problems.length === 0 || fresh.length === 0) return { problems, notes };
  return { problems, notes, retryWith: { verifyPins: [...earlier, ...fresh.map((s): VerifyPin => ({ file: s.file, name: s.name, why: s.why }))] } };
}
