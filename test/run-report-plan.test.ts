/**
 * `run --report` uses the propagate-async Plan the run itself made (the pipeline result's
 * `prepared.plan`): the project is analysed once, and the pull-request description is the one a
 * fresh plan of the original texts gives (the analysis is deterministic).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FileMap } from '../src/engine/filemap';
import type { JsonResult } from '../src/report/json';
import type { PipelineTransform } from '../src/engine/pipeline';
import type { Plan } from '../src/core/plan';
import { getTransform, TRANSFORMS } from '../src/engine/registry';
import { renderPrDescription } from '../src/report/pr-description';
import { copyToTemp, runCli } from './helpers/report-checks';

jest.setTimeout(120_000);

const PROJECT = path.join(__dirname, '__fixtures__', 'report', 'run-project');

test('run --report pr.md plans once and renders the description of a fresh plan of the original texts', async () => {
  const dir = copyToTemp(PROJECT);
  const propagate = getTransform('propagate-async') as PipelineTransform;
  const prepare = jest.spyOn(propagate, 'prepare' as never);
  let stdout: string;
  let code: number;
  try {
    ({ stdout, code } = await runCli(['run', 'src', '--json', '--report', 'pr.md'], dir));
    expect(prepare).toHaveBeenCalledTimes(1);
  } finally {
    prepare.mockRestore();
  }
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as JsonResult;

  // What the report did before: plan again, with propagate-async's prepare, on the original texts.
  const { fileMap } = await FileMap.load(json.files.map((f) => f.path), dir);
  const prepared = await propagate.prepare!(fileMap, { cwd: dir, options: {}, transforms: TRANSFORMS.map((t) => t.meta.name) });
  const plan = prepared?.options?.plan as Plan;
  expect(plan.apiChanges.length).toBeGreaterThan(0);
  const expected = renderPrDescription({ json, plan, readOriginal: (f) => fileMap.getOriginal(f) });
  expect(fs.readFileSync(path.join(dir, 'pr.md'), 'utf8')).toBe(expected);
});
