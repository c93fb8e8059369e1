/**
 * The docs test: the docs cannot drift from the code. Each registered transform has its page
 * docs/transforms/<name>.md with the same sections, and its example is the diff of its `meta.example`
 * fixture; docs/reason-codes.md documents every code of REASONS with the generated table; README stays
 * a short entry page; every relative link in README.md and docs/ resolves (file and heading).
 * The generated parts come from `npm run build && node scripts/readme-examples.js`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REASONS } from '../src/core/reasons';
import { TRANSFORM_MODULES } from '../src/engine/transform-modules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderDoc, docFiles } = require('../scripts/readme-examples.js') as {
  renderDoc(text: string, examples: Record<string, string>, reasons?: unknown): string;
  docFiles(): string[];
};

const ROOT = path.join(__dirname, '..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const README = read('README.md');
const NAMES = TRANSFORM_MODULES.map((t) => t.meta.name);
const EXAMPLES = Object.fromEntries(TRANSFORM_MODULES.map((t) => [t.meta.name, t.meta.example]));
const HEADINGS = ['Command', 'Example', 'Handles', 'Leaves alone', 'Options', 'Limitations'];
const REGENERATE = 'run `npm run build && node scripts/readme-examples.js`';

/** `text` without fenced code blocks and inline code spans (their brackets and `#` are not Markdown). */
function proseOf(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The `level`-deep ATX headings of `text`, outside code blocks. */
function headingsOf(text: string, level: number): string[] {
  const re = new RegExp(`^${'#'.repeat(level)} (.+)$`, 'gm');
  return [...text.replace(/^```[\s\S]*?^```/gm, '').matchAll(re)].map((m) => m[1].trim());
}

/** The text of the `## name` section of `text`, up to the next `## ` heading. */
function sectionOf(text: string, name: string): string {
  const start = text.indexOf(`\n## ${name}\n`);
  if (start < 0) return '';
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * The anchors GitHub gives the headings of a Markdown file: the heading's text (links and code
 * marks reduced to their text) lower-cased, punctuation other than `-` and `_` dropped, spaces as
 * `-`; a repeated anchor gets `-1`, `-2`, … (GitHub's documented "section links" behaviour).
 */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const heading of [1, 2, 3, 4, 5, 6].flatMap((level) => headingsOf(text, level))) {
    const plain = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const base = plain.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every relative link of the Markdown file `file` that does not resolve: `file → target`. */
function brokenLinks(file: string): string[] {
  const text = read(file);
  const broken: string[] = [];
  for (const [, target] of proseOf(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [filePart, anchor] = target.split('#');
    const resolved = filePart ? path.posix.normalize(path.posix.join(path.posix.dirname(file), filePart)) : file;
    if (!fs.existsSync(path.join(ROOT, resolved))) {
      broken.push(`${file} → ${target}`);
    } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) {
      broken.push(`${file} → ${target} (no such heading)`);
    }
  }
  return broken;
}

describe('transform pages (docs/transforms/<name>.md)', () => {
  test.each(NAMES)('%s has its page with the standard sections, in order, and its example block', (name) => {
    const file = `docs/transforms/${name}.md`;
    expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    const page = read(file);
    expect(headingsOf(page, 1)).toEqual([name]);
    expect(headingsOf(page, 2)).toEqual(HEADINGS);
    expect(sectionOf(page, 'Example')).toContain(`<!-- example:${name} -->`);
  });

  test.each(NAMES)(`%s: the example block is the diff of its meta.example fixture (${REGENERATE})`, (name) => {
    const page = read(`docs/transforms/${name}.md`);
    expect(renderDoc(page, EXAMPLES)).toBe(page);
  });

  test('every page belongs to a registered transform', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'transforms')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.filter((p) => !NAMES.includes(p))).toEqual([]);
  });
});

describe('docs/reason-codes.md', () => {
  const text = read('docs/reason-codes.md');

  test(`the tables are generated from REASONS (${REGENERATE})`, () => {
    expect(text).toContain('<!-- reason-codes -->');
    expect(renderDoc(text, EXAMPLES, REASONS)).toBe(text);
  });

  test('documents every reason code', () => {
    const missing = Object.keys(REASONS).filter((code) => !new RegExp(`^\\|\\s*${code}\\s*\\|`, 'm').test(text));
    expect(missing).toEqual([]);
  });

  test('the docs name no reason code that does not exist', () => {
    const unknown = docFiles().flatMap((file) =>
      [...read(file).matchAll(/\bAM\d{3}\b/g)].map((m) => m[0]).filter((code) => !(code in REASONS)).map((code) => `${file}: ${code}`));
    expect([...new Set(unknown)]).toEqual([]);
  });
});

describe('README', () => {
  test('is a short entry page (at most 250 lines)', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
  });

  test('starts with the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  test('links every registered transform to its page', () => {
    const missing = NAMES.filter((name) => !README.includes(`](docs/transforms/${name}.md)`));
    expect(missing).toEqual([]);
  });

  test('documents the exit codes', () => {
    for (const code of ['0', '1', '2', '3']) expect(sectionOf(README, 'Exit codes')).toMatch(new RegExp(`^\\|\\s*${code}\\s*\\|`, 'm'));
  });
});

describe('every Markdown file of README.md and docs/', () => {
  test.each(docFiles())(`%s: its generated blocks, if any, are up to date (${REGENERATE})`, (file) => {
    const text = read(file);
    expect(renderDoc(text, EXAMPLES, REASONS)).toBe(text);
  });

  test.each(docFiles())('%s: every relative link resolves to a file (and heading)', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
