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
  return plan ? explainSyncFindings(plan, findings, typeof options.planCwd === 'string' ? options.planCwd : process.cwd()) : [...findings];
};

/** The project hooks per transform name. */
export const PROJECT_HOOKS: Readonly<Record<string, ProjectHooks>> = {
  'fs-promises': { prepare: (files) => ({ options: { fsMocks: fsMocksOf(files) } }) },
  'propagate-async': { prepare: preparePlan, verify: verifyPlan, finish: finishPropagation },
};
