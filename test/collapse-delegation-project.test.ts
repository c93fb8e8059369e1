/**
 * collapse-delegation across files, under the engine: propagate-async's `prepare` hook hands the
 * project analysis' answers (`options.promiseCallees`, src/plan/promise-callee-oracle.ts) to every
 * transform. The folder case testfixtures/collapse-delegation/collapse-delegation-project (its exact
 * output, second run and reason codes are checked by the fixture harness, test/fixtures.test.ts) is
 * migrated here by the full pipeline — every registered transform, as `async-migrate run` does —
 * to check which finding each wrapper gets, by file and function, which a case's report.json cannot
 * say. src/wrapper.ts wraps three imported callees:
 * - `readJson`, an async function in src/json.ts → collapsed (AM500);
 * - `readText`, a non-async function returning a promise in src/legacy.ts → left alone (AM503: it
 *   may throw synchronously);
 * - `readSettings`, a sync function in src/settings.ts that the plan makes async → collapsed (AM500).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FileMap } from '../src/engine/filemap';
import { runPipeline } from '../src/engine/pipeline';
import { TRANSFORMS } from '../src/engine/registry';
import { FIXTURES_ROOT, listSources } from './helpers/fixture-cases';

const INPUT = path.join(FIXTURES_ROOT, 'collapse-delegation', 'collapse-delegation-project', 'input');

describe('collapse-delegation with the project analysis of async-migrate run', () => {
  test('collapses wrappers of imported async (and made-async) functions, not of a non-async one returning a promise', async () => {
    const fileMap = new FileMap(INPUT);
    const sources = listSources(INPUT);
    expect(sources).toEqual(['src/json.ts', 'src/legacy.ts', 'src/settings.ts', 'src/wrapper.ts']);
    for (const file of sources) fileMap.add(file, fs.readFileSync(path.join(INPUT, file), 'utf8'));
    const result = await runPipeline(fileMap, { transforms: TRANSFORMS, transformOptions: {} });
    expect(result.files.filter((f) => f.status === 'failed')).toEqual([]);

    const collapse = result.files
      .flatMap((f) => f.findings)
      .filter((f) => f.transform === 'collapse-delegation')
      .map((f) => [f.file, f.subject, f.kind, f.code]);
    expect(collapse).toEqual([
      // readSettings became `return await fs.promises.readFile(…)` in this very run: a wrapper the run
      // wrote is no clean-up candidate, so collapse-delegation's refusal (AM501) is not reported.
      ['src/wrapper.ts', 'loadConfig', 'rewritten', 'AM500'],
      ['src/wrapper.ts', 'loadText', 'left-alone', 'AM503'],
      ['src/wrapper.ts', 'loadSettings', 'rewritten', 'AM500'],
    ]);
    const wrapper = fileMap.getOrThrow('src/wrapper.ts');
    expect(wrapper).toContain('export function loadConfig(p: string) {\n  return readJson(p);\n}');
    expect(wrapper).toContain('export async function loadText(p: string) {\n  return await readText(p);\n}');
    expect(wrapper).toContain('export function loadSettings(p: string) {\n  return readSettings(p);\n}');
    expect(fileMap.getOrThrow('src/settings.ts')).toContain('export async function readSettings');
  });
});
