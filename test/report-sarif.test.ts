/**
 * SARIF 2.1.0 for `audit` and `run`: schema-valid, one rule per rule id with descriptions and help,
 * physical locations, fixes with the replacement, and for `run` the same facts as `--json`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { AUDIT_RULES } from '../src/audit/rules';
import { auditToSarif } from '../src/report/sarif';
import { auditProject } from './helpers/audit-project';
import { copyToTemp, runCli, sarifSchemaErrors } from './helpers/report-checks';

const AUDIT_FIXTURES = path.join(__dirname, '..', 'testfixtures', 'audit');
const RUN_PROJECT = path.join(__dirname, '..', 'testfixtures', 'report', 'run-project');

describe('the schema check itself', () => {
  test('rejects a log that breaks the schema', () => {
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).not.toEqual([]);
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] })).not.toEqual([]);
  });
});

describe('audit SARIF', () => {
  const result = auditProject(AUDIT_FIXTURES);
  const log = auditToSarif(result);
  const run = log.runs[0];

  test('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  test('has one rule per audit rule id, with descriptions and help', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(AUDIT_RULES.map((r) => r.id));
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toContain('Fix:');
    }
  });

  test('has one result per finding, at its location, pointing at its rule', () => {
    const results = run.results ?? [];
    expect(results).toHaveLength(result.findings.length);
    results.forEach((r, i) => {
      const f = result.findings[i];
      expect(r.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(f.rule);
      const loc = r.locations![0].physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe(f.file);
      expect(loc.region).toMatchObject({ startLine: f.line, startColumn: f.column });
    });
  });

  test('a blocking call fs-promises rewrites carries the fix: the replacement over the call', () => {
    const r = (run.results ?? []).find((x) => x.ruleId === 'AM601' && (x.properties as { subject?: string }).subject === 'fs.readFileSync')!;
    const change = r.fixes![0].artifactChanges[0];
    expect(change.artifactLocation.uri).toBe('blocking-call-in-async-function/handlers.ts');
    const replacement = change.replacements[0];
    expect(replacement.insertedContent?.text).toBe("await fs.promises.readFile(`users/${id}.json`, 'utf8')");
    // the deleted region is exactly `fs.readFileSync(`users/${id}.json`, 'utf8')` on line 8
    const line = fs.readFileSync(path.join(AUDIT_FIXTURES, 'blocking-call-in-async-function/handlers.ts'), 'utf8').split('\n')[7];
    const region = replacement.deletedRegion;
    expect(line.slice(region.startColumn! - 1, region.endColumn! - 1)).toBe("fs.readFileSync(`users/${id}.json`, 'utf8')");
  });

  test('a site with no transform gets no fix, and AM603 lists its chain as related locations', () => {
    const exec = (run.results ?? []).find((x) => x.ruleId === 'AM601' && (x.properties as { subject?: string }).subject === 'execSync')!;
    expect(exec.fixes).toBeUndefined();
    const chained = (run.results ?? []).find((x) => x.ruleId === 'AM603')!;
    expect(chained.relatedLocations!.map((l) => l.physicalLocation!.artifactLocation!.uri)).toEqual([
      'reachable-through-call-chain/src/server.ts',
      'reachable-through-call-chain/src/settings.ts',
      'reachable-through-call-chain/src/settings.ts',
    ]);
  });
});

describe('run SARIF agrees with --json on the same run', () => {
  test('same findings, locations, codes and replacements; fixes replace the original call', async () => {
    const dir = copyToTemp(RUN_PROJECT);
    const { stdout, code } = await runCli(['run', 'src', '--json', '--report', 'out.sarif'], dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { findings: { code: string; file: string; line: number; column: number; kind: string; replacement?: string; level: string }[] };
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Sarif.Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results ?? [];
    expect(json.findings.length).toBeGreaterThan(0);
    expect(results).toHaveLength(json.findings.length);
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.map((r) => r.id).sort()).toEqual([...new Set(json.findings.map((f) => f.code))].sort());
    json.findings.forEach((f, i) => {
      const r = results[i];
      expect(r.ruleId).toBe(f.code);
      expect(r.locations![0].physicalLocation!.artifactLocation!.uri).toBe(f.file);
      expect(r.locations![0].physicalLocation!.region).toMatchObject({ startLine: f.line, startColumn: f.column });
      expect(r.kind).toBe(f.kind === 'rewritten' ? 'informational' : 'fail');
      if (f.kind === 'left-alone') expect(r.level).toBe(f.level);
      if (f.replacement !== undefined) expect(r.fixes![0].artifactChanges[0].replacements[0].insertedContent!.text).toBe(f.replacement);
      else expect(r.fixes).toBeUndefined();
    });
    const rewritten = json.findings.filter((f) => f.kind === 'rewritten');
    expect(rewritten.length).toBeGreaterThan(0);
    // applying the fix's region to the original text gives the site the transform rewrote
    const original = fs.readFileSync(path.join(RUN_PROJECT, 'src/catalog.js'), 'utf8').split('\n');
    const fix = results.find((r) => r.fixes && r.locations![0].physicalLocation!.artifactLocation!.uri === 'src/catalog.js')!;
    const region = fix.fixes![0].artifactChanges[0].replacements[0].deletedRegion;
    expect(region.startLine).toBe(region.endLine);
    expect(original[region.startLine! - 1].slice(region.startColumn! - 1, region.endColumn! - 1)).toBe("fs.readFileSync(file, 'utf8')");
  });
});
