/**
 * Multi-file fixtures of propagate-async: testfixtures/propagate-async/<case>/input/… and output/….
 *
 * Each case runs the real pipeline in memory — the prepare hook plans the project on the input
 * texts, then propagate-async applies the plan and fs-promises rewrites the sync fs calls now inside
 * async functions — and compares every file exactly with output/ (a file absent from output/ must
 * come back byte-identical; `no-change-` and `bail-` cases have no output/ folder; a `bail-` case may
 * end in failed files when verification refuses the migration). Also checked: a
 * second run over the output changes nothing, and `report.json` ({"leftAlone": [codes]}, sorted, one
 * per site; optional `"messages": [substrings]`) matches the findings left alone.
 * `options.json` next to input/ holds run options (`seed`, `publicApi`, `project`, …).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FileMap } from '../src/engine/filemap';
import { runPipeline, type PipelineTransform } from '../src/engine/pipeline';
import { SOURCE_EXTENSIONS } from '../src/core/parser';
import { getTransformOrThrow } from '../src/engine/registry';

const ROOT = path.join(__dirname, '..', 'testfixtures', 'propagate-async');
const TRANSFORMS: PipelineTransform[] = [getTransformOrThrow('propagate-async'), getTransformOrThrow('fs-promises')];
const propagateAsync = TRANSFORMS[0];

function listSources(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full, base);
    const isSource = SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !/\.d\.[cm]?ts$/.test(entry.name);
    return isSource ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

async function migrate(inputDir: string, texts: Map<string, string>, options: Record<string, unknown>) {
  const fileMap = new FileMap(inputDir);
  for (const [p, text] of texts) fileMap.add(p, text);
  const result = await runPipeline(fileMap, { transforms: TRANSFORMS, transformOptions: options });
  const out = new Map<string, string>();
  for (const p of fileMap.paths()) out.set(p, fileMap.getOrThrow(p));
  return { out, result };
}

const cases = fs.existsSync(ROOT) ? fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()) : [];

describe('propagate-async fixtures', () => {
  test('has positive, no-change- and bail- cases, and the README example', () => {
    expect(cases.some((c) => fs.existsSync(path.join(ROOT, c, 'output')))).toBe(true);
    expect(cases.some((c) => c.startsWith('no-change-'))).toBe(true);
    expect(cases.some((c) => c.startsWith('bail-'))).toBe(true);
    expect(cases).toContain(propagateAsync.meta.example);
  });

  for (const name of cases) {
    test(name, async () => {
      const caseDir = path.join(ROOT, name);
      const inputDir = path.join(caseDir, 'input');
      const outputDir = path.join(caseDir, 'output');
      const hasOutput = fs.existsSync(outputDir);
      if (name.startsWith('no-change-') || name.startsWith('bail-')) expect(hasOutput).toBe(false);
      else expect(hasOutput).toBe(true);
      const optionsPath = path.join(caseDir, 'options.json');
      const options = fs.existsSync(optionsPath) ? JSON.parse(fs.readFileSync(optionsPath, 'utf8')) : {};
      const inputs = new Map(listSources(inputDir).map((p) => [p, fs.readFileSync(path.join(inputDir, p), 'utf8')] as const));

      const first = await migrate(inputDir, inputs, options);
      for (const [p, input] of inputs) {
        const expectedPath = path.join(outputDir, p);
        const expected = hasOutput && fs.existsSync(expectedPath) ? fs.readFileSync(expectedPath, 'utf8') : input;
        expect({ file: p, text: first.out.get(p) }).toEqual({ file: p, text: expected });
      }
      // A bail- case may fail verification on purpose (AM340/AM341: nothing written).
      if (!name.startsWith('bail-')) expect(first.result.files.filter((f) => f.status === 'failed')).toEqual([]);

      const second = await migrate(inputDir, first.out, options);
      expect(second.result.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual([]);

      const reportPath = path.join(caseDir, 'report.json');
      const leftAlone = first.result.findings.filter((f) => f.kind === 'left-alone');
      if (fs.existsSync(reportPath)) {
        const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as { leftAlone?: string[]; messages?: string[] };
        if (report.leftAlone) expect(leftAlone.map((f) => f.code).sort()).toEqual([...report.leftAlone].sort());
        for (const m of report.messages ?? []) expect(leftAlone.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining(m)]));
      }
      if (name.startsWith('bail-')) expect(leftAlone.length).toBeGreaterThan(0);
    });
  }
});
