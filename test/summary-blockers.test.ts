/**
 * The default summary names the cause, not only the blocked call (issue 15 item 6): left-alone sites
 * are grouped by the blocker their message names (`… stays sync: <blocker with its location>`), so
 * one constructor is one line whatever the number of sites it keeps sync; many sites without a
 * blocker (test fixture I/O) are one line per file.
 */
import type { Finding } from '../src/core/findings';
import type { PipelineResult } from '../src/engine/pipeline';
import { colorsFor } from '../src/report/colors';
import { blockerOf, formatSummary } from '../src/report/summary';

const site = (code: Finding['code'], file: string, line: number, subject: string, message: string): Finding => ({ transform: 'fs-promises', kind: 'left-alone', code, message, file, line, column: 3, subject });
const ctor = 'readTemplateFile() is called from the constructor of ReportTemplate (src/template.ts:32, AM101)';

function summaryOf(findings: Finding[]): string {
  const result: PipelineResult = { files: [{ path: 'src/template.ts', status: 'unchanged', findings }], findings };
  return formatSummary(result, {}, colorsFor(false));
}

test('sites kept sync by one constructor are one line naming the constructor and its location', () => {
  const findings = [10, 12, 14, 16, 18].map((line) => site('AM101', 'src/template.ts', line, 'readFileSync', `readFileSync stays sync: ${ctor}`));
  const text = summaryOf(findings);
  expect(text).toContain(`  AM101 constructor cannot be async (5)\n    ${ctor} — 5 sites: src/template.ts:10:3 readFileSync, src/template.ts:12:3 readFileSync, src/template.ts:14:3 readFileSync and 2 more\n`);
  expect(text.split('\n').filter((l) => l.includes('ReportTemplate'))).toHaveLength(1);
});

test('a site without a blocker keeps its own line; many are grouped by file', () => {
  expect(summaryOf([site('AM102', 'src/storage.ts', 68, 'statSync', 'statSync: inside a getter, which cannot be async')])).toContain('    src/storage.ts:68:3 statSync\n');
  const fixtureIo = Array.from({ length: 10 }, (_, i) => site('AM333', i < 6 ? 'test/a.test.ts' : 'test/b.test.ts', i + 1, i % 2 ? 'rmSync' : 'mkdtempSync', 'mkdtempSync is a test file\'s own fixture I/O: left as it is (--tests follow)'));
  const text = summaryOf(fixtureIo);
  expect(text).toContain('    test/a.test.ts: 6 sites (mkdtempSync, rmSync)\n    test/b.test.ts: 4 sites (mkdtempSync, rmSync)\n');
});

test('blockerOf reads the cause after "stays sync:"', () => {
  expect(blockerOf(site('AM101', 'a.ts', 1, 'readFileSync', `readFileSync stays sync: ${ctor}`))).toBe(ctor);
  expect(blockerOf(site('AM102', 'a.ts', 1, 'statSync', 'statSync: inside a getter'))).toBeUndefined();
});
