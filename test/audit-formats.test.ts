/**
 * The audit's four formats say the same: on every audit fixture and on the bundled example before
 * and after `run --write`, the counts per severity, the score, what `run` would rewrite, the phases
 * and the deferred sites are read back from the text, Markdown, JSON and SARIF renderings of one
 * audit (JSON from the CLI, the others rendered from it as the CLI renders them) and compared; the
 * Markdown says each fix once per group; every format has the report's sections.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { renderAudit } from '../src/cli/audit';
import { SEVERITIES } from '../src/audit/rules';
import type { AuditResult } from '../src/audit/types';
import { copyToTemp, runCli } from './helpers/report-checks';

const FIXTURES = path.join(__dirname, '__fixtures__', 'audit');
const EXAMPLE = path.join(__dirname, '..', 'examples', 'inventory');

/** What one rendering says, in numbers. */
interface Said {
  counts: Record<string, number>;
  /** The async-path score; null when no I/O call site is on an async path (shown as a dash). */
  score: number | null;
  rewritten?: number;
  phases?: number;
  deferred?: Record<string, number>;
}

function fromJson(r: AuditResult): Said {
  return { counts: { ...r.counts }, score: r.score.overall.total === 0 ? null : r.score.overall.percent, rewritten: r.run?.blocking.rewritten, phases: r.phases?.length, deferred: Object.fromEntries((r.deferred ?? []).map((d) => [d.code, d.sites.length])) };
}

function fromText(text: string): Said {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const header = /^async-migrate audit: \d+ files?, \d+ findings? \(([^)]*)\)/.exec(text);
  for (const part of header?.[1].split(', ') ?? []) if (part !== 'none') counts[part.split(' ')[0]] = Number(part.split(' ')[1]);
  const phases = /PHASED PLAN \((\d+) change sets?/.exec(text);
  const deferred = [...text.matchAll(/^ {2}(AM\d+) [^\n]*?: (\d+) sites?; to change it/gm)].map((m) => [m[1], Number(m[2])]);
  return { counts, score: text.includes('async score: — no I/O call site') ? null : Number(/async score: ([\d.]+)%/.exec(text)?.[1]), rewritten: num(/async-migrate run would rewrite (\d+) of the/.exec(text)), phases: phases ? Number(phases[1]) : 0, deferred: Object.fromEntries(deferred) };
}

function fromMarkdown(md: string): Said {
  const counts = Object.fromEntries([...md.matchAll(/^\| (critical|high|medium|low|info) \| (\d+) \|$/gm)].map((m) => [m[1], Number(m[2])]));
  const deferredPart = md.split('## Deferred')[1]?.split('\n## ')[0] ?? '';
  const deferred = [...deferredPart.matchAll(/^### (AM\d+) .* \((\d+)\)$/gm)].map((m) => [m[1], Number(m[2])]);
  return { counts, score: md.includes('**Async score: —**') ? null : Number(/\*\*Async score: ([\d.]+)%\*\*/.exec(md)?.[1]), rewritten: num(/async-migrate run would rewrite (\d+) of the/.exec(md)), phases: (md.match(/^### Phase \d+:/gm) ?? []).length, deferred: Object.fromEntries(deferred) };
}

function fromSarif(log: Sarif.Log): Said {
  const run = log.runs[0];
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const r of run.results ?? []) counts[String(r.properties?.severity)]++;
  const props = run.properties as { asyncScore: number; asyncPathSites: number; run?: { rewritten: number }; phases?: unknown[]; deferred?: Record<string, number> };
  const rewritten = (run.results ?? []).filter((r) => r.properties?.verdict === 'run-rewrites').length;
  if (props.run) expect(props.run.rewritten).toBe(rewritten);
  return { counts, score: props.asyncPathSites === 0 ? null : props.asyncScore, rewritten: props.run ? rewritten : undefined, phases: props.phases?.length, deferred: props.deferred ?? {} };
}

const num = (m: RegExpExecArray | null) => (m ? Number(m[1]) : undefined);

/** The Markdown's findings: in each file's block, no fix text twice; every finding listed once. */
function checkGrouping(md: string, result: AuditResult): void {
  const findings = md.split('\n## Findings\n')[1]?.split('\n## ')[0] ?? '';
  for (const block of findings.split(/^#### /m).slice(1)) {
    const fixes = [...block.matchAll(/^- \*\*AM\d+\*\* [a-z-]+ \(\d+\) — fix: (.*)$/gm)].map((m) => m[1]);
    const rules = [...block.matchAll(/^- \*\*(AM\d+)\*\*/gm)].map((m) => m[1]);
    const keys = fixes.map((f, i) => `${rules[i]} ${f}`);
    expect(new Set(keys).size).toBe(keys.length);
  }
  expect((findings.match(/^ {2}- `[^`]+:\d+:\d+`/gm) ?? []).length).toBe(result.findings.length);
}

async function compareFormats(dir: string): Promise<AuditResult> {
  const { stdout, code } = await runCli(['audit', '.', '--format', 'json'], dir);
  expect(code).toBe(0);
  const result = JSON.parse(stdout) as AuditResult;
  const text = renderAudit(result, 'text');
  const md = renderAudit(result, 'markdown');
  const sarif = JSON.parse(renderAudit(result, 'sarif')) as Sarif.Log;
  const json = fromJson(result);
  expect(fromText(text)).toEqual(json);
  expect(fromMarkdown(md)).toEqual(json);
  expect(fromSarif(sarif)).toEqual(json);
  expect(sarif.runs[0].results).toHaveLength(result.findings.length);
  checkGrouping(md, result);
  for (const heading of ['## Executive summary', '## Already async', '## Phased plan', '## Findings', '## Validation']) expect(md).toContain(heading);
  return result;
}

describe('text, Markdown, JSON and SARIF say the same', () => {
  const cases = fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, 'expected.json')));
  for (const name of cases) {
    test(`audit fixture ${name}`, async () => {
      await compareFormats(copyToTemp(path.join(FIXTURES, name)));
    });
  }

  test('the bundled example, before and after run --write', async () => {
    const dir = copyToTemp(EXAMPLE);
    const before = await compareFormats(dir);
    expect(before.phases?.length).toBeGreaterThan(0);
    expect(before.deferred?.length).toBeGreaterThan(0);
    expect((await runCli(['run', '.', '--write', '--allow-dirty'], dir)).code).toBe(0);
    const after = await compareFormats(dir);
    expect(after.run?.blocking.rewritten).toBe(0);
    expect(after.score.overall.percent).toBeGreaterThan(before.score.overall.percent);
  });
});

test('a fully synchronous program does not read as 100% async', async () => {
  const dir = copyToTemp(path.join(FIXTURES, 'cli-entry-not-reached'));
  const { stdout } = await runCli(['audit', '.', '--format', 'markdown'], dir);
  const result = JSON.parse((await runCli(['audit', '.', '--format', 'json'], dir)).stdout) as AuditResult;
  expect(result.score.overall.total).toBe(0);
  expect(result.score.all?.total).toBeGreaterThan(0);
  expect(stdout).toContain('- **Async score on async paths: — (no I/O call site on async paths)**');
  expect(stdout).toMatch(/- All I\/O: 0% \(0 of \d+ I\/O call sites in the audited files are non-blocking\)/);
  expect(stdout).toContain('**Async score: —** no I/O call site is on an async path');
  expect(stdout).not.toContain('100%');
  expect((await runCli(['audit', '.'], dir)).stdout).toContain('async score: — no I/O call site is on an async path');
});
