/**
 * SARIF fixes in the file's final layout (issue 12): a rewritten site's replacement is taken from the
 * migrated text after the layout stage, so a fix that the layout broke over lines carries the same
 * line breaks, trailing commas and (relative) indentation as the migrated file.
 */
import { FileMap } from '../src/engine/filemap';
import { finalReplacementText } from '../src/engine/fix-text';
import { runPipeline } from '../src/engine/pipeline';
import { TRANSFORMS } from '../src/engine/registry';
import { buildJsonResult } from '../src/report/json';
import { runToSarif } from '../src/report/sarif';

describe('finalReplacementText', () => {
  it('finds the replacement with the final line breaks and trailing commas, continuation lines relative to its line', () => {
    const final = 'function f() {\n  return await access(p).then(\n    () => true,\n    () => false,\n  );\n}\n';
    expect(finalReplacementText(final, 2, 'await access(p).then(() => true, () => false)')).toBe('await access(p).then(\n  () => true,\n  () => false,\n)');
  });

  it('gives undefined when the tokens differ', () => {
    expect(finalReplacementText('x = await g(p)\n', 1, 'await f(p)')).toBeUndefined();
  });
});

test('a multi-line SARIF fix has the layout of the migrated file, continuation lines indented', async () => {
  const original = [
    "import { existsSync } from 'fs';",
    '',
    'export async function hasConfiguration(name: string): Promise<boolean> {',
    "  return existsSync(`${name}/configurations/settings/all-settings.json`);",
    '}',
    '',
  ].join('\n');
  const fileMap = new FileMap('/tmp/fix-text-test');
  fileMap.add('src/a.ts', original);
  const transforms = TRANSFORMS.filter((t) => t.meta.name === 'fs-promises');
  const result = await runPipeline(fileMap, { transforms, transformOptions: { format: 'off' } });
  // the layout stage broke the rewritten call over lines (width 80)
  expect(fileMap.getOrThrow('src/a.ts')).toContain('.then(\n    () => true,\n');
  const sarif = runToSarif(buildJsonResult(result, [], 'dry-run'), '0.0.0', () => original);
  const fixes = (sarif.runs[0].results ?? []).flatMap((r) => r.fixes ?? []);
  const inserted = fixes.map((f) => f.artifactChanges[0].replacements[0].insertedContent?.text ?? '');
  expect(inserted).toContain('await access(`${name}/configurations/settings/all-settings.json`).then(\n    () => true,\n    () => false\n  )');
});
