/**
 * The summary's exported-API list (src/report/summary.ts `exportedApiOf`) names only signatures that
 * really change: a file that failed in the per-file stage (AM904/AM914/AM915) kept its text, so the
 * plan's changes in it are not listed (a 10 MB bundle stopped by the memory budget listed 74,525).
 */
import type { PipelineResult } from '../src/engine/pipeline';
import { exportedApiOf } from '../src/report/summary';

test('changes planned in a file that failed are not listed; the others are', () => {
  const result = {
    files: [
      { path: 'src/a.js', status: 'changed', findings: [] },
      { path: 'vendor/bundle.js', status: 'failed', findings: [] },
    ],
    findings: [],
    prepared: {
      plan: {
        apiChanges: [
          { file: 'src/a.js', line: 2, column: 1, name: 'main' },
          { file: 'vendor/bundle.js', line: 4, column: 18, name: 'exports.read' },
        ],
        apiKept: [{ file: 'vendor/bundle.js', line: 9, column: 1, name: 'kept' }],
      },
    },
  } as unknown as PipelineResult;
  const api = exportedApiOf(result);
  expect(api.changes.map((c) => `${c.file}:${c.name}`)).toEqual(['src/a.js:main']);
  expect(api.kept.map((c) => c.name)).toEqual(['kept']);
});
