/**
 * The audit's fixes are `run`'s own (a dry run of its pipeline, src/cli/audit-dry-run.ts): what the
 * audit says `run` rewrites is what `run --json` rewrites, a site `run` pins gets "needs a hand fix"
 * with the blocker, and after `run --write` the audit promises nothing a second `run` would not do.
 */
import * as path from 'path';
import type { AuditResult } from '../src/audit/types';
import { copyToTemp, runCli } from './helpers/report-checks';

const FIXTURES = path.join(__dirname, '__fixtures__', 'audit');
const EXAMPLE = path.join(__dirname, '..', 'examples', 'inventory');

async function auditJson(dir: string): Promise<AuditResult> {
  const { stdout, code } = await runCli(['audit', '.', '--format', 'json'], dir);
  expect(code).toBe(0);
  return JSON.parse(stdout) as AuditResult;
}

/** Blocking calls `run`'s transforms rewrite (not propagate-async's edits of functions and awaits), from `run --json`. */
async function runRewrites(dir: string): Promise<{ calls: number; summary: { sitesRewritten: number; changed: number } }> {
  const { stdout } = await runCli(['run', '.', '--json'], dir);
  const json = JSON.parse(stdout) as { summary: { sitesRewritten: number; changed: number }; findings: { transform: string; kind: string }[] };
  const callRewrite = (f: { transform: string; kind: string }) => f.kind === 'rewritten' && !['propagate-async', 'collapse-delegation', 'hoist-switch-await'].includes(f.transform);
  return { calls: json.findings.filter(callRewrite).length, summary: json.summary };
}

test('a constructor-pinned call needs a hand fix that names the blocker; nothing is promised', async () => {
  const dir = copyToTemp(path.join(FIXTURES, 'reachable-through-constructor'));
  const audit = await auditJson(dir);
  const run = await runRewrites(dir);
  expect(run.calls).toBe(0);
  expect(audit.run?.blocking.rewritten).toBe(0);
  const report = audit.findings.find((f) => f.file === 'report.mjs' && f.rule === 'AM603');
  expect(report?.fix?.verdict).toBe('hand-fix');
  expect(report?.fix?.code).toBe('AM101');
  expect(report?.fix?.description).toMatch(/^needs a hand fix: async-migrate run leaves it sync \(AM101\)/);
  for (const f of audit.findings) expect(f.fix?.verdict).not.toBe('run-rewrites');
  const text = (await runCli(['audit', '.'], dir)).stdout;
  expect(text).not.toMatch(/up to \d+ more|propagate-async makes the enclosing function/);
  expect(text).toContain('async-migrate run would rewrite 0 of the 6 blocking calls');
});

test('the bundled example: the audit counts what run rewrites, before and after run --write', async () => {
  const dir = copyToTemp(EXAMPLE);
  const before = await auditJson(dir);
  const runBefore = await runRewrites(dir);
  expect(before.run?.blocking.rewritten).toBe(runBefore.calls);
  expect(before.run?.sitesRewritten).toBe(runBefore.summary.sitesRewritten);
  expect(before.run?.filesChanged).toBe(runBefore.summary.changed);
  expect(before.phases?.map((p) => p.id).sort()).toEqual(before.run?.changeSets);
  // the constructor-pinned call in template.ts is a hand fix naming the constructor
  const template = before.findings.find((f) => f.file === 'src/template.ts' && f.subject === 'readFileSync');
  expect(template?.fix?.verdict).toBe('hand-fix');
  expect(template?.fix?.blocker).toContain('constructor of ReportTemplate (src/template.ts:32, AM101)');

  expect((await runCli(['run', '.', '--write', '--allow-dirty'], dir)).code).toBe(0);
  const after = await auditJson(dir);
  const runAfter = await runRewrites(dir);
  expect(runAfter.calls).toBe(0);
  expect(after.run?.blocking.rewritten).toBe(0);
  expect(after.phases).toEqual([]);
  for (const f of after.findings) expect(f.fix?.verdict).not.toBe('run-rewrites');
  const text = (await runCli(['audit', '.'], dir)).stdout;
  expect(text).toMatch(/async-migrate run would rewrite 0 of the \d+ blocking calls/);
  expect(text).not.toMatch(/up to \d+ more/);
});
