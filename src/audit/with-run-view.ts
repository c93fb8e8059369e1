/**
 * Complete an audit with `run`'s dry run (src/cli/audit-dry-run.ts): the fixes as `run` makes them
 * (./run-view.ts), the deferred sites, the phased plan from the run's change sets (./phases.ts), the
 * biggest risk again (it says how many `run` fixes) and the validation section with the plan's
 * tsconfig and the calls its analysis could not resolve.
 */
import { biggestRiskOf, validationOf } from './overview';
import { buildPhases } from './phases';
import { applyRunView, type RunDryRun } from './run-view';
import type { AuditResult } from './types';

/**
 * Add `run`'s view to `result` (mutated): fixes, `run`, `deferred`, `phases`, `biggestRisk`,
 * `validation`. Hand fixes in no phase's files go to `result.unphased`.
 */
export function addRunView(result: AuditResult, run: RunDryRun): void {
  applyRunView(result, run);
  const { phases, unphased } = buildPhases(run.plan ?? { version: 1, tsconfig: null, files: {}, apiChanges: [], apiKept: [], edges: [] }, result.findings);
  result.phases = phases;
  result.unphased = unphased;
  result.biggestRisk = biggestRiskOf(result.findings);
  result.validation = validationOf(result, run.plan, run.findings, 'async-migrate run ran as a dry run (as `run --check`) on the same files with its default transforms and options; the fixes, counts and phases are its own');
}
