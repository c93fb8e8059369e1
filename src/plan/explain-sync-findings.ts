/**
 * Give fs-promises' "needs propagate-async" findings (AM106, and AM110 in generators) and its mocked-call
 * findings (AM208) and test-fixture findings (AM333) the plan's reason: when the plan keeps
 * the enclosing function sync, the finding takes the blocking reason code and the message naming the
 * whole chain (`readFileSync stays sync: loadConfig() is called from the constructor of Settings
 * (src/b.ts:22, AM101)`). Findings the plan does not explain are returned unchanged.
 */
import type { Finding } from '../core/findings';
import type { Plan } from '../core/plan';
import { getFilePlan } from '../core/read-plan';

/**
 * @param plan the run's plan
 * @param findings findings of a run (any transforms); only AM106/AM110/AM208/AM333 ones are looked at
 * @param cwd directory the plan's paths are relative to
 * @returns a new array, same order
 */
export function explainSyncFindings(plan: Plan, findings: readonly Finding[], cwd: string = process.cwd()): Finding[] {
  return findings.map((finding) => {
    if (finding.code !== 'AM106' && finding.code !== 'AM110' && finding.code !== 'AM208' && finding.code !== 'AM333') return finding;
    const blocked = getFilePlan(plan, finding.file, cwd)?.blocked.find((b) => b.line === finding.line && b.column === finding.column) ??
      getFilePlan(plan, finding.file, cwd)?.blocked.find((b) => b.line === finding.line && (!finding.subject || b.subject === finding.subject));
    return blocked ? { ...finding, code: blocked.code, message: blocked.message } : finding;
  });
}
