/**
 * docs/audit.md's generated audit reports (`<!-- audit-report:<format>:<folder> -->` blocks, written
 * by `node scripts/readme-examples.js`) are what `async-migrate audit . --format <format>` prints in
 * that folder today, so the page cannot rot; and the page shows the bundled example's report in full.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './helpers/report-checks';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wrapAuditReport, AUDIT_BLOCK } = require('../scripts/readme-examples.js') as {
  wrapAuditReport: (format: string, folder: string, output: string) => string;
  AUDIT_BLOCK: RegExp;
};

const ROOT = path.join(__dirname, '..');
const page = fs.readFileSync(path.join(ROOT, 'docs', 'audit.md'), 'utf8');
const blocks = [...page.matchAll(new RegExp(AUDIT_BLOCK.source, 'gm'))].map((m) => ({ text: m[0], format: m[1], folder: m[2] }));

test('docs/audit.md shows the bundled example\'s Markdown report and a text report', () => {
  expect(blocks.map((b) => `${b.format}:${b.folder}`)).toEqual(expect.arrayContaining(['markdown:examples/inventory', 'text:test/__fixtures__/audit/reachable-through-call-chain']));
  const example = blocks.find((b) => b.folder === 'examples/inventory')!.text;
  for (const section of ['Executive summary', 'Already async', 'Phased plan', 'Deferred', 'Findings', 'Validation']) expect(example).toMatch(new RegExp(`^#### ${section}$`, 'm'));
});

describe.each(blocks.map((b) => [`${b.format} report of ${b.folder}`, b] as const))('docs/audit.md: %s is up to date (run `npm run build && node scripts/readme-examples.js`)', (_name, block) => {
  test('matches the audit run now', async () => {
    const { stdout, code } = await runCli(['audit', '.', '--format', block.format], path.join(ROOT, block.folder));
    expect(code).toBe(0);
    expect(block.text).toBe(wrapAuditReport(block.format, block.folder, stdout));
  });
});
