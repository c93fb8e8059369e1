/**
 * The docs test: README cannot drift from the code. Each registered transform has its README section
 * with the same headings, its example is the diff of its `meta.example` fixture, and every reason
 * code async-migrate can emit is documented.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REASONS } from '../src/core/reasons';
import { TRANSFORMS } from '../src/engine/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderReadme } = require('../scripts/readme-examples.js') as {
  renderReadme(readme: string, examples: Record<string, string>, reasons?: unknown): string;
};

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const HEADINGS = ['Command', 'Example', 'Handles', 'Leaves alone', 'Options', 'Limitations'];

/** The text of README's `## name` section, up to the next `## `. */
function section(name: string): string | undefined {
  const start = README.indexOf(`\n## ${name}\n`);
  if (start < 0) return undefined;
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

describe('README', () => {
  test.each(TRANSFORMS.map((t) => t.meta.name))('has a section for %s with the standard headings, in order', (name) => {
    const text = section(name);
    expect(text).toBeDefined();
    const headings = [...(text ?? '').matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(HEADINGS);
    expect(text).toContain(`<!-- example:${name} -->`);
  });

  test('examples and the reason-code table are generated from the code (run `node scripts/readme-examples.js`)', () => {
    const examples = Object.fromEntries(TRANSFORMS.map((t) => [t.meta.name, t.meta.example]));
    expect(README).toContain('<!-- reason-codes -->');
    expect(renderReadme(README, examples, REASONS)).toBe(README);
  });

  test('documents every reason code', () => {
    const missing = Object.keys(REASONS).filter((code) => !new RegExp(`\\|\\s*${code}\\s*\\|`).test(README));
    expect(missing).toEqual([]);
  });

  test('starts with the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  test('documents the exit codes', () => {
    for (const code of ['0', '1', '2', '3']) expect(README).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`));
  });
});
