/**
 * SARIF 2.1.0 for `audit` and `run`: schema-valid, one rule per rule id with descriptions and help,
 * physical locations, fixes with the replacement, and for `run` the same facts as `--json`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { AUDIT_RULES } from '../src/audit/rules';
import { applyTransform } from '../src/engine/apply';
import { rewrittenRegions } from '../src/audit/transform-findings';
import { getTransform } from '../src/engine/registry';
import { auditToSarif } from '../src/report/sarif';
import { auditProject } from './helpers/audit-project';
import { copyToTemp, runCli, sarifSchemaErrors } from './helpers/report-checks';
import { finalSarifSchema } from './helpers/sarif-schema';

const AUDIT_FIXTURES = path.join(__dirname, '__fixtures__', 'audit');
const RUN_PROJECT = path.join(__dirname, '__fixtures__', 'report', 'run-project');

describe('the schema check itself', () => {
  test('is the final OASIS SARIF 2.1.0 schema (draft-07), not a pre-release', () => {
    expect(finalSarifSchema()).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
      title: 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema',
    });
  });

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

  test('a site no transform rewrites gets no fix, and AM603 lists its chain as related locations', () => {
    const wait = (run.results ?? []).find((x) => x.ruleId === 'AM601' && (x.properties as { subject?: string }).subject === 'Atomics.wait')!;
    expect(wait.fixes).toBeUndefined();
    const exec = (run.results ?? []).find((x) => x.ruleId === 'AM601' && (x.properties as { subject?: string }).subject === 'execSync')!;
    expect(exec.fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text).toBe("(await execAsync('git rev-parse HEAD', { encoding: 'buffer' })).stdout");
    const chained = (run.results ?? []).find((x) => x.ruleId === 'AM603')!;
    expect(chained.relatedLocations!.map((l) => l.physicalLocation!.artifactLocation!.uri)).toEqual([
      'reachable-through-call-chain/src/server.ts',
      'reachable-through-call-chain/src/settings.ts',
      'reachable-through-call-chain/src/settings.ts',
    ]);
  });
});

/** Offset of a 1-based line and column in `text` (lines split at \r\n or \n). */
function offsetOf(text: string, line: number, column: number): number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n/g)) starts.push(m.index! + m[0].length);
  return starts[line - 1] + column - 1;
}

/** `text` with each SARIF replacement applied (its deleted region replaced by its inserted text). */
function applySarifReplacements(text: string, replacements: readonly Sarif.Replacement[]): string {
  const edits = replacements
    .map((r) => ({ start: offsetOf(text, r.deletedRegion.startLine!, r.deletedRegion.startColumn!), end: offsetOf(text, r.deletedRegion.endLine!, r.deletedRegion.endColumn!), text: r.insertedContent!.text! }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('audit SARIF fixes for AM608 and AM610 reproduce the transform', () => {
  const dir = path.join(AUDIT_FIXTURES, 'codemod-candidates');
  const log = auditToSarif(auditProject(dir));
  const results = log.runs[0].results ?? [];

  test.each([
    ['AM608', 'users.js', 'collapse-delegation', 'getUser'],
    ['AM610', 'settings.ts', 'hoist-switch-await', 'readFile'],
  ])('%s in %s: applying the fix gives %s output', (rule, file, transform, subject) => {
    const r = results.find((x) => x.ruleId === rule && (x.properties as { subject?: string }).subject === subject)!;
    expect(r.fixes).toHaveLength(1);
    const change = r.fixes![0].artifactChanges[0];
    expect(change.artifactLocation.uri).toBe(file);
    const original = fs.readFileSync(path.join(dir, file), 'utf8');
    const expected = applyTransform(getTransform(transform)!, file, original, {}).output;
    expect(expected).toBeDefined();
    expect(applySarifReplacements(original, change.replacements)).toBe(expected);
    // the region starts where the result is located
    expect(change.replacements[0].deletedRegion).toMatchObject(r.locations![0].physicalLocation!.region!);
  });

  test('the wrapper region is the whole function, the chain region the whole switch', () => {
    const regionText = (rule: string, file: string) => {
      const region = results.find((x) => x.ruleId === rule)!.fixes![0].artifactChanges[0].replacements[0].deletedRegion;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return text.slice(offsetOf(text, region.startLine!, region.startColumn!), offsetOf(text, region.endLine!, region.endColumn!));
    };
    expect(regionText('AM608', 'users.js')).toBe('async function getUser(id) {\n  return await fetchUser(id);\n}');
    expect(regionText('AM610', 'settings.ts')).toMatch(/^switch \(format\) \{[^]*\n  \}$/);
  });

  test('a refusal (AM609) has no fix, and the log still validates', () => {
    expect(results.find((x) => x.ruleId === 'AM609')!.fixes).toBeUndefined();
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  test('several sites in one file (CRLF line ends): applying every replacement gives the output', () => {
    const source = [
      'async function a(x) {',
      '  return await g(x);',
      '}',
      '',
      'async function b(x) {',
      '  return await g(x);',
      '}',
      'function c() {}',
      'async function d(x) {',
      '  return await g(x);',
      '}',
      '',
    ].join('\r\n');
    const withG = `async function g(x) { return x; }\r\n${source}`;
    const findings = rewrittenRegions('collapse-delegation', 'many.js', withG, {}).filter((f) => f.kind === 'rewritten');
    expect(findings.map((f) => f.subject)).toEqual(['a', 'b', 'd']);
    const replacements: Sarif.Replacement[] = findings.map((f) => ({
      deletedRegion: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      insertedContent: { text: f.replacement! },
    }));
    const output = applyTransform(getTransform('collapse-delegation')!, 'many.js', withG, {}).output;
    expect(applySarifReplacements(withG, replacements)).toBe(output);
    expect(findings.map((f) => f.replacement)).toEqual(['a', 'b', 'd'].map((n) => `function ${n}(x) {\r\n  return g(x);\r\n}`));
  });
});

test('audit --format sarif from the CLI, fixes included, validates', async () => {
  const dir = copyToTemp(path.join(AUDIT_FIXTURES, 'codemod-candidates'));
  expect((await runCli(['audit', '.', '--format', 'sarif', '-o', 'audit.sarif'], dir)).code).toBe(0);
  const log = JSON.parse(fs.readFileSync(path.join(dir, 'audit.sarif'), 'utf8')) as Sarif.Log;
  expect((log.runs[0].results ?? []).filter((r) => r.fixes).length).toBeGreaterThanOrEqual(2);
  expect(sarifSchemaErrors(log)).toEqual([]);
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
