/**
 * Audit fixture projects: each folder under test/__fixtures__/audit/ is a small project with an
 * `expected.json`: {"findings": ["<rule> <file>:<line> <subject>[ chain=a>b>c]", …], "score": {total, nonBlocking}}.
 * The audit runs on every source file of the folder (paths relative to it) and must report exactly
 * those findings (no more, no fewer) and that score, with the typed call graph (propagate-async's);
 * with the syntactic call graph it must report `syntactic` when given, else the same findings.
 * AM608–AM610 (from other transforms) count only when `"codemods": true`; `options` are audit options. Folders named
 * `no-change-…` expect no findings. Each folder has a package.json so that the tsconfig search
 * stops there.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AuditFinding } from '../src/audit/types';
import { auditProject } from './helpers/audit-project';

const ROOT = path.join(__dirname, '__fixtures__', 'audit');
function describeFinding(f: AuditFinding): string {
  const chain = f.chain ? ` chain=${f.chain.map((s) => s.name).join('>')}` : '';
  return `${f.rule} ${f.file}:${f.line} ${f.subject ?? ''}${chain}`;
}

const cases = fs.readdirSync(ROOT).filter((d) => fs.existsSync(path.join(ROOT, d, 'expected.json')));

describe('audit fixture projects', () => {
  test('there are positive and no-change cases', () => {
    expect(cases.some((c) => c.startsWith('no-change-'))).toBe(true);
    expect(cases.filter((c) => !c.startsWith('no-change-')).length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    test(name, () => {
      const dir = path.join(ROOT, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
      const result = auditProject(dir, { callGraph: 'typed', ...(expected.options ?? {}) });
      expect(result.errors).toEqual([]);
      const auditRules = result.findings.filter((f) => !['AM608', 'AM609', 'AM610'].includes(f.rule) || expected.codemods);
      expect(auditRules.map(describeFinding).sort()).toEqual([...expected.findings].sort());
      if (name.startsWith('no-change-')) expect(result.findings).toEqual([]);
      expect({ total: result.score.overall.total, nonBlocking: result.score.overall.nonBlocking }).toEqual(expected.score);
      // the audit's own syntactic call graph finds the same, except where `syntactic` says what it
      // finds instead (calls it cannot resolve: instance methods, interface dispatch)
      const syntactic = auditProject(dir, { callGraph: 'syntactic', ...(expected.options ?? {}) });
      const codemods = (f: AuditFinding) => !['AM608', 'AM609', 'AM610'].includes(f.rule) || expected.codemods;
      expect(syntactic.findings.filter(codemods).map(describeFinding).sort()).toEqual([...(expected.syntactic ?? expected.findings)].sort());
    });
  }
});
