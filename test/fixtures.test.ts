/**
 * The fixture harness: discovers every single-file case under testfixtures/<transform>/ and checks,
 * for each one, the exact output (no trimming), that a second run changes nothing, that the output
 * parses, and — for `bail-` cases with a `.report.json` — the reason codes of the sites left alone.
 *
 * Case files (see CONVENTIONS.md):
 *   <case>.input.<ext>     the input; the extension picks the parser
 *   <case>.output.<ext>    the expected output (absent for `no-change-` and optional for `bail-`: then
 *                          the output must be byte-identical to the input)
 *   <case>.options.json    optional transform options
 *   <case>.report.json     optional {"leftAlone": ["AM101", …], "rewritten": ["AM001", …]}: the
 *                          codes expected, sorted, one entry per site
 * Multi-file cases (folders) are driven by their own tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyTransform } from '../src/engine/apply';
import { TRANSFORMS } from '../src/engine/registry';
import { parseForCheck } from '../src/core/parser';

const ROOT = path.join(__dirname, '..', 'testfixtures');

interface Case {
  name: string;
  inputPath: string;
  input: string;
  expected: string;
  options: Record<string, unknown>;
  report?: { leftAlone?: string[]; rewritten?: string[] };
  /** A problem with the case's files, reported as that case's failure. */
  problem?: string;
}

function readCases(transform: string): Case[] {
  const dir = path.join(ROOT, transform);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.input\.[cm]?[jt]sx?$/.test(f))
    .map((f) => {
      const name = f.replace(/\.input\.[^.]+$/, '');
      const ext = f.slice(f.lastIndexOf('.'));
      const inputPath = path.join(dir, f);
      const input = fs.readFileSync(inputPath, 'utf8');
      const outputPath = path.join(dir, `${name}.output${ext}`);
      const hasOutput = fs.existsSync(outputPath);
      let problem: string | undefined;
      if (name.startsWith('no-change-') && hasOutput) problem = `${outputPath}: no-change- cases have no output file`;
      if (!hasOutput && !name.startsWith('no-change-') && !name.startsWith('bail-')) problem = `${inputPath}: missing ${name}.output${ext}`;
      const optionsPath = path.join(dir, `${name}.options.json`);
      const reportPath = path.join(dir, `${name}.report.json`);
      return {
        name,
        inputPath,
        input,
        expected: hasOutput ? fs.readFileSync(outputPath, 'utf8') : input,
        options: fs.existsSync(optionsPath) ? JSON.parse(fs.readFileSync(optionsPath, 'utf8')) : {},
        report: fs.existsSync(reportPath) ? JSON.parse(fs.readFileSync(reportPath, 'utf8')) : undefined,
        problem,
      };
    });
}

for (const transform of TRANSFORMS) {
  const cases = readCases(transform.meta.name);
  // A transform whose cases are all multi-file folders is driven by its own test (e.g. propagate-async).
  const folderDir = path.join(ROOT, transform.meta.name);
  if (cases.length === 0 && fs.existsSync(folderDir) && fs.readdirSync(folderDir).some((d) => fs.existsSync(path.join(folderDir, d, 'input')))) continue;
  describe(`${transform.meta.name} fixtures`, () => {
    test('has positive and no-change cases, and its README example exists', () => {
      expect(cases.some((c) => c.expected !== c.input)).toBe(true);
      expect(cases.some((c) => c.name.startsWith('no-change-'))).toBe(true);
      expect(cases.map((c) => c.name)).toContain(transform.meta.example);
    });

    for (const c of cases) {
      test(c.name, () => {
        if (c.problem) throw new Error(c.problem);
        // Paths are given relative to the fixture folder's parent so findings read well.
        const rel = path.relative(process.cwd(), c.inputPath);
        const first = applyTransform(transform, rel, c.input, c.options);
        const actual = first.output ?? c.input;
        expect(actual).toBe(c.expected);
        if (c.name.startsWith('no-change-')) expect(first.output).toBeUndefined();
        expect(() => parseForCheck(rel, actual)).not.toThrow();

        const second = applyTransform(transform, rel, actual, c.options);
        expect(second.output).toBeUndefined();

        if (c.report?.leftAlone) {
          const codes = first.findings.filter((f) => f.kind === 'left-alone').map((f) => f.code).sort();
          expect(codes).toEqual([...c.report.leftAlone].sort());
        }
        if (c.report?.rewritten) {
          const codes = first.findings.filter((f) => f.kind === 'rewritten').map((f) => f.code).sort();
          expect(codes).toEqual([...c.report.rewritten].sort());
        }
        if (c.name.startsWith('bail-')) {
          expect(first.findings.some((f) => f.kind === 'left-alone')).toBe(true);
        }
      });
    }
  });
}
