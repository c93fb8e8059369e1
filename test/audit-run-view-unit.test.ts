/**
 * src/audit/run-view.ts and src/audit/phases.ts on plain data: how `run`'s findings become the
 * audit's verdicts (rewrite with its change set, deferred with how to change it, hand fix naming the
 * blocker, no transform), how a call whose column `run` reports shifted is still paired, and how the
 * phases are ordered and what they list.
 */
import type { Finding } from '../src/core/findings';
import { emptyFilePlan, type Plan } from '../src/core/plan';
import { applyRunView } from '../src/audit/run-view';
import { buildPhases } from '../src/audit/phases';
import { getRuleOrThrow } from '../src/audit/rules';
import type { AuditFinding, AuditResult } from '../src/audit/types';

const site = (rule: string, file: string, line: number, column: number, subject: string, fn?: string): AuditFinding => ({
  rule, severity: getRuleOrThrow(rule).severity, file, line, column, endLine: line, endColumn: column + 10, subject, message: `${subject} in ${fn ?? 'top level'}`, ...(fn ? { function: fn } : {}),
});
const runFinding = (file: string, line: number, column: number, code: string, kind: 'rewritten' | 'left-alone', subject: string, extra: Partial<Finding> = {}): Finding => ({ transform: 'fs-promises', file, line, column, code: code as Finding['code'], kind, subject, message: `${subject}: ${code}`, ...extra });

function result(findings: AuditFinding[]): AuditResult {
  return { schemaVersion: 1, tool: { name: 'async-migrate', version: '0' }, files: ['a.ts', 'b.cjs'], findings, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, score: { overall: { total: 0, nonBlocking: 0, percent: 100 }, byModule: {}, byFolder: {}, excluded: 0 }, errors: [], warnings: [], callGraph: { kind: 'typed' }, skipped: [] };
}

const plan: Plan = {
  version: 1, tsconfig: null, apiChanges: [], apiKept: [], edges: [],
  files: {
    'a.ts': { ...emptyFilePlan(), asyncFunctions: [{ file: 'a.ts', line: 2, column: 1, start: 0, end: 50, name: 'load', chain: [], changeSet: 'cs-1' }], seedSites: [{ file: 'a.ts', line: 3, column: 10, start: 20, end: 30, callee: 'readFileSync', changeSet: 'cs-1' }] },
    'c.ts': { ...emptyFilePlan(), awaitSites: [{ file: 'c.ts', line: 5, column: 3, start: 0, end: 5, callee: 'load', changeSet: 'cs-1' }] },
  },
  changeSets: [{ id: 'cs-1', label: 'load', seeds: [], files: ['a.ts', 'c.ts'], functions: 1, callSites: 1, exportedApi: ['a.ts:load'] }],
};

test('verdicts come from run: rewrite with its change set, deferred, hand fix with the blocker, no transform', () => {
  const findings = [
    site('AM603', 'a.ts', 3, 10, 'readFileSync', 'load'),
    site('AM611', 'b.cjs', 1, 14, 'fs.readFileSync'),
    site('AM603', 'a.ts', 9, 5, 'statSync', 'Thing constructor'),
    site('AM601', 'a.ts', 12, 3, 'execSync', 'run'),
    site('AM601', 'a.ts', 14, 20, 'read', 'all'),
  ];
  const r = result(findings);
  applyRunView(r, {
    plan,
    counts: { changed: 2, sitesRewritten: 4, sitesLeftAlone: 2 },
    findings: [
      runFinding('a.ts', 3, 10, 'AM001', 'rewritten', 'readFileSync', { replacement: 'await readFile(p)' }),
      runFinding('b.cjs', 1, 14, 'AM104', 'left-alone', 'readFileSync'),
      runFinding('a.ts', 9, 5, 'AM101', 'left-alone', 'statSync', { message: 'statSync stays sync: called from the constructor of Thing (a.ts:8, AM101)' }),
      // `names.map((n) => read(n))` became `await Promise.all(names.map(async (n) => await readFile(n)))`: the column moved
      runFinding('a.ts', 14, 51, 'AM001', 'rewritten', 'readFileSync', { replacement: 'await readFile(n)' }),
      { ...runFinding('a.ts', 2, 1, 'AM301', 'rewritten', 'load'), transform: 'propagate-async' },
    ],
  });
  const [load, top, ctor, exec, aliased] = r.findings;
  expect(load.fix).toMatchObject({ verdict: 'run-rewrites', code: 'AM001', changeSet: 'cs-1', replacement: 'await readFile(p)' });
  expect(load.fix?.description).toBe('async-migrate run rewrites it to `await readFile(p)` (AM001) once change set cs-1 (load) makes load async');
  expect(top.fix).toMatchObject({ verdict: 'deferred', code: 'AM104' });
  expect(top.fix?.description).toMatch(/^left sync on purpose: AM104 .*; to change it: /);
  expect(ctor.fix).toMatchObject({ verdict: 'hand-fix', code: 'AM101', blocker: 'statSync stays sync: called from the constructor of Thing (a.ts:8, AM101)' });
  expect(ctor.fix?.description).toContain('needs a hand fix');
  expect(exec.fix).toMatchObject({ verdict: 'hand-fix' });
  expect(exec.fix?.code).toBeUndefined();
  expect(aliased.fix).toMatchObject({ verdict: 'run-rewrites', code: 'AM001' });
  expect(r.run?.blocking).toEqual({ total: 5, rewritten: 2, deferred: 1, handFix: 2 });
  expect(r.run?.byCode).toEqual({ AM101: 1, AM104: 1, none: 1 });
  expect(r.deferred?.map((d) => [d.code, d.sites.length])).toEqual([['AM104', 1]]);

  const { phases, unphased } = buildPhases(plan, r.findings);
  expect(phases).toHaveLength(1);
  expect(phases[0]).toMatchObject({ order: 1, id: 'cs-1', severity: 'high', findings: 1, rewrites: 1, followers: ['c.ts'], exportedApi: ['a.ts:load'], command: 'async-migrate run --changeset cs-1 --write' });
  expect(phases[0].staysSync.map((s) => s.code)).toEqual(['AM101']);
  expect(phases[0].handFix.map((s) => s.subject)).toEqual(['execSync']);
  expect(unphased).toEqual({ staysSync: [], handFix: [] });
});
