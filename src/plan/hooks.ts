/**
 * The project-level steps of the transforms, attached by the registry (src/engine/registry.ts): the
 * per-file transforms stay plain jscodeshift modules, and the analysis that needs the whole project
 * (ts-morph, the type checker, the fs-mock scan) lives here, in the engine.
 *
 * - fs-promises: prepare — find the sync fs functions the run's files mock (src/core/fs-mocks.ts),
 *   handed to every file as `options.fsMocks`.
 * - propagate-async: prepare — plan the project ({@link preparePlan}); verify — type-check the
 *   migrated texts ({@link verifyPlan}); finish — give fs-promises' AM106 findings the plan's reason.
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { Plan } from '../core/plan';
import { fsMocksOf } from '../core/fs-mocks';
import { readPlan } from '../core/read-plan';
import type { FinishHook, ProjectHooks } from '../core/transform';
import { explainSyncFindings } from './explain-sync-findings';
import { preparePlan } from './prepare-plan';
import { verifyPlan } from './verify-plan';

/**
 * propagate-async's finishing step: fs-promises' AM106 findings in functions the plan keeps sync
 * take the plan's blocking reason code and chain.
 */
const finishPropagation: FinishHook = (findings, options) => {
  const plan = readPlan(options.plan);
  if (!plan) return [...findings];
  const planCwd = typeof options.planCwd === 'string' ? options.planCwd : process.cwd();
  return explainSyncFindings(plan, dropOwnWrappers(plan, findings, planCwd), planCwd);
};

/**
 * collapse-delegation's refusals (AM5xx) for functions this run made async — `async function load(p)
 * { return await readFile(p) }` as fs-promises just wrote it — are no clean-up candidates a reviewer
 * needs to hear of: they are dropped. Matched by file, line and name (`async` is inserted on the
 * function's own line, so its line does not move).
 */
function dropOwnWrappers(plan: Plan, findings: readonly Finding[], planCwd: string): Finding[] {
  const own = new Set<string>();
  for (const fp of Object.values(plan.files)) {
    for (const fn of fp.asyncFunctions) own.add(`${path.resolve(planCwd, fn.file)}:${fn.line}:${fn.name.split('.').pop()}`);
  }
  if (own.size === 0) return [...findings];
  return findings.filter((f) => !(f.transform === 'collapse-delegation' && f.kind === 'left-alone' && own.has(`${path.resolve(planCwd, f.file)}:${f.line}:${(f.subject ?? '').split('.').pop()}`)));
}

/** The project hooks per transform name. */
export const PROJECT_HOOKS: Readonly<Record<string, ProjectHooks>> = {
  'fs-promises': { prepare: (files) => ({ options: { fsMocks: fsMocksOf(files) } }) },
  'propagate-async': { prepare: preparePlan, verify: verifyPlan, finish: finishPropagation },
};
