/**
 * Output and write steps on their own: git-style unified diffs that `git apply` takes (CRLF, no
 * final newline, BOM), the summary and JSON renderings, the dirty-tree check and atomic writes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileMap } from '../src/engine/filemap';
import { createFilePatch, createPatches, joinPatches } from '../src/report/diff';
import { colorsFor, shouldColor } from '../src/report/colors';
import { buildJsonResult } from '../src/report/json';
import { formatSummary } from '../src/report/summary';
import { createProgress, PROGRESS_DELAY_MS } from '../src/report/progress';
import type { PipelineResult } from '../src/engine/pipeline';
import { assertCleanOrThrow, findDirtyFiles, parsePorcelainZ, writeFiles } from '../src/engine/write';
import { UsageError } from '../src/core/errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-output-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });
}

const CASES: Record<string, [string, string]> = {
  'crlf.js': ['const a = 1;\r\nconst b = readFileSync(p);\r\nexport { a, b };\r\n', 'const a = 1;\r\nconst b = await readFile(p);\r\nexport { a, b };\r\n'],
  'no-final-newline.ts': ['line1\nline2\nlast()', 'line1\nline2\nawait last()'],
  'gains-final-newline.ts': ['a\nb', 'a\nb\n'],
  'bom.mjs': ['\uFEFF#!/usr/bin/env node\nrun();\n', '\uFEFF#!/usr/bin/env node\nawait run();\n'],
  'deep/dir/many.cjs': [
    Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join(''),
    Array.from({ length: 40 }, (_, i) => (i === 3 || i === 30 ? `changed ${i}\n` : `line ${i}\n`)).join(''),
  ],
};

test('patches carry git-style headers and `git apply` reproduces the new texts byte for byte', () => {
  git('init', '-q');
  const map = new FileMap(dir);
  for (const [p, [before, after]] of Object.entries(CASES)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), before);
    map.add(p, before);
    map.set(p, after);
  }
  map.add('same.js', 'x\n');
  const patches = createPatches(map);
  expect(patches.map((p) => p.path)).toEqual(Object.keys(CASES));
  expect(patches[0].patch.split('\n').slice(0, 3)).toEqual(['diff --git a/crlf.js b/crlf.js', '--- a/crlf.js', '+++ b/crlf.js']);
  expect(patches[1].patch).toContain('\\ No newline at end of file');
  expect(patches.find((p) => p.path === 'deep/dir/many.cjs')?.hunks).toEqual([
    { oldStart: 1, oldLines: 7, newStart: 1, newLines: 7 },
    { oldStart: 28, oldLines: 7, newStart: 28, newLines: 7 },
  ]);

  fs.writeFileSync(path.join(dir, 'all.patch'), joinPatches(patches));
  git('apply', '--check', 'all.patch');
  git('apply', 'all.patch');
  for (const [p, [, after]] of Object.entries(CASES)) expect(fs.readFileSync(path.join(dir, p), 'utf8')).toBe(after);
});

test('no patch for an unchanged file', () => {
  expect(createFilePatch('a.js', 'x\n', 'x\n')).toBeUndefined();
});

const RESULT: PipelineResult = {
  files: [
    { path: 'src/a.ts', status: 'changed', findings: [] },
    { path: 'src/b.ts', status: 'unchanged', findings: [] },
    { path: 'src/c.ts', status: 'failed', findings: [] },
  ],
  findings: [
    { transform: 'fs-promises', kind: 'rewritten', code: 'AM001', message: 'readFileSync → readFile', file: 'src/a.ts', line: 4, column: 9, subject: 'readFileSync' },
    { transform: 'fs-promises', kind: 'left-alone', code: 'AM106', message: 'in sync function', file: 'src/b.ts', line: 9, column: 3, subject: 'statSync' },
    { transform: 'fs-promises', kind: 'left-alone', code: 'AM106', message: 'in sync function', file: 'src/a.ts', line: 20, column: 5, subject: 'mkdirSync' },
    { transform: 'fs-promises', kind: 'left-alone', code: 'AM101', message: 'in a constructor', file: 'src/b.ts', line: 2, column: 7 },
    { transform: 'engine', kind: 'left-alone', code: 'AM901', message: 'src/c.ts:3:7: Unexpected token (3:6)', file: 'src/c.ts', line: 3, column: 7 },
  ],
};
RESULT.files[0].findings = [RESULT.findings[0], RESULT.findings[2]];
RESULT.files[1].findings = [RESULT.findings[1], RESULT.findings[3]];
RESULT.files[2].findings = [RESULT.findings[4]];

test('the summary counts files and sites and lists left-alone sites by reason code, then failures', () => {
  const text = formatSummary(RESULT, {}, colorsFor(false));
  expect(text).toBe(
    [
      'async-migrate: 3 files scanned: 1 changed, 1 unchanged, 1 failed',
      'sites rewritten: 1 (AM001 ×1)',
      'sites left alone: 3',
      '  AM101 constructor cannot be async (1)',
      '    src/b.ts:2:7 in a constructor',
      '  AM106 call is in a synchronous function: needs propagate-async (2)',
      '    src/a.ts:20:5 mkdirSync',
      '    src/b.ts:9:3 statSync',
      'failed: 1 file',
      '  src/c.ts:3:7 AM901 file does not parse: src/c.ts:3:7: Unexpected token (3:6)',
      'dry run: nothing written (use --write to apply, --diff <file> to save the patch)',
      '',
    ].join('\n'),
  );
  expect(formatSummary(RESULT, { written: ['src/a.ts'] }, colorsFor(false))).toMatch(/\nwrote 1 file\n$/);

  // an error-level finding of a failed file (a verify hook's) explains the failure, not a site left alone
  const verified: PipelineResult = {
    files: [{ path: 'src/a.ts', status: 'failed', findings: [] }],
    findings: [{ transform: 'propagate-async', kind: 'left-alone', code: 'AM340', message: 'new type error TS2345', file: 'src/a.ts', line: 3, column: 1 }],
  };
  expect(formatSummary(verified, {}, colorsFor(false))).toContain('sites left alone: 0\nfailed: 1 file\n  src/a.ts:3:1 AM340 migration would add a type error: new type error TS2345\n');
  expect(formatSummary(RESULT, {}, colorsFor(true))).toContain('\u001b[');
});

test('the JSON result has summary, files, edits and findings with reason titles and levels', () => {
  const json = buildJsonResult(RESULT, [{ path: 'src/a.ts', patch: 'diff --git a/src/a.ts b/src/a.ts\n', hunks: [] }], 'dry-run');
  expect(json.summary).toEqual({ scanned: 3, changed: 1, unchanged: 1, failed: 1, sitesRewritten: 1, sitesLeftAlone: 3, delegationsNotCollapsed: 0 });
  expect(json.files).toEqual([
    { path: 'src/a.ts', status: 'changed', rewritten: 1, leftAlone: 1 },
    { path: 'src/b.ts', status: 'unchanged', rewritten: 0, leftAlone: 2 },
    { path: 'src/c.ts', status: 'failed', rewritten: 0, leftAlone: 0 },
  ]);
  expect(json.findings[4]).toMatchObject({ code: 'AM901', level: 'error', title: 'file does not parse', line: 3, column: 7 });
  expect(json.written).toBeUndefined();
});

test('colours: NO_COLOR wins, FORCE_COLOR forces, otherwise only a terminal gets them', () => {
  expect(shouldColor(true, {})).toBe(true);
  expect(shouldColor(true, { NO_COLOR: '1' })).toBe(false);
  expect(shouldColor(false, { CI: 'true' })).toBe(false);
  expect(shouldColor(false, { FORCE_COLOR: '1' })).toBe(true);
  expect(shouldColor(true, { TERM: 'dumb' })).toBe(false);
});

test('the progress bar shows only on a terminal, only after a moment, and is cleared at the end', async () => {
  let tty = '';
  let piped = '';
  const terminal = { isTTY: true, columns: 100, write: (s: string) => ((tty += s), true) };
  const pipe = { isTTY: false, write: (s: string) => ((piped += s), true) };
  const bars = [createProgress(terminal), createProgress(pipe)];
  bars.forEach((b) => b.update(1, 300));
  expect(tty).toBe(''); // a quick run never sees it
  await new Promise((resolve) => setTimeout(resolve, PROGRESS_DELAY_MS + 50));
  bars.forEach((b) => b.update(120, 300));
  expect(tty).toContain('120/300 files');
  bars.forEach((b) => b.stop());
  expect(tty.endsWith('120/300 files')).toBe(false); // cleared on stop
  expect(piped).toBe('');
});

describe('--write safety', () => {
  function setUpRepo(): FileMap {
    git('init', '-q');
    for (const f of ['clean.js', 'modified.js', 'staged.js']) fs.writeFileSync(path.join(dir, f), `// ${f}\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    fs.appendFileSync(path.join(dir, 'modified.js'), 'x;\n');
    fs.appendFileSync(path.join(dir, 'staged.js'), 'y;\n');
    git('add', 'staged.js');
    fs.writeFileSync(path.join(dir, 'untracked.js'), '// new\n');
    fs.writeFileSync(path.join(dir, '[id].js'), '// brackets are not a pattern\n');
    const map = new FileMap(dir);
    for (const f of ['clean.js', 'modified.js', 'staged.js', 'untracked.js', '[id].js']) map.add(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    return map;
  }

  test('modified, staged and untracked files are dirty; committed ones are not', async () => {
    const map = setUpRepo();
    expect(await findDirtyFiles(map, ['clean.js', 'modified.js', 'staged.js', 'untracked.js', '[id].js'])).toEqual(['[id].js', 'modified.js', 'staged.js', 'untracked.js']);
    expect(await findDirtyFiles(map, ['clean.js'])).toEqual([]);
    await expect(assertCleanOrThrow(map, ['clean.js', 'modified.js'])).rejects.toThrow(UsageError);
    await expect(assertCleanOrThrow(map, ['clean.js', 'modified.js'])).rejects.toThrow(/uncommitted changes in git:\n {2}modified\.js\n.*--allow-dirty/);
    await expect(assertCleanOrThrow(map, ['clean.js'])).resolves.toBeUndefined();
  });

  test('files outside any git repository are never dirty', async () => {
    const map = new FileMap(dir);
    fs.writeFileSync(path.join(dir, 'a.js'), 'a;\n');
    map.add('a.js', 'a;\n');
    expect(await findDirtyFiles(map, ['a.js'])).toEqual([]);
  });

  test('writeFiles replaces files atomically, keeps their mode, and skips text that does not parse or a file changed meanwhile', async () => {
    for (const f of ['a.js', 'b.js', 'c.js']) fs.writeFileSync(path.join(dir, f), `${f[0]}();\n`);
    fs.chmodSync(path.join(dir, 'a.js'), 0o751);
    const map = new FileMap(dir);
    for (const f of ['a.js', 'b.js', 'c.js']) map.add(f, `${f[0]}();\n`);
    map.set('a.js', 'await a();\n');
    map.set('b.js', 'b(;\n');
    map.set('c.js', 'await c();\n');
    fs.writeFileSync(path.join(dir, 'c.js'), 'c(); // edited meanwhile\n');
    const { written, failures } = await writeFiles(map, ['a.js', 'b.js', 'c.js']);
    expect(written).toEqual(['a.js']);
    expect(failures.map((f) => f.path)).toEqual(['b.js', 'c.js']);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('await a();\n');
    expect(fs.statSync(path.join(dir, 'a.js')).mode & 0o777).toBe(0o751);
    expect(fs.readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe('b();\n');
    expect(fs.readFileSync(path.join(dir, 'c.js'), 'utf8')).toBe('c(); // edited meanwhile\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.js', 'b.js', 'c.js']); // no temporary files left
  });

  test('porcelain -z parsing handles renames and names with spaces', () => {
    expect(parsePorcelainZ(' M a b.js\0R  new.js\0old.js\0?? x.ts\0')).toEqual(['a b.js', 'new.js', 'old.js', 'x.ts']);
  });
});
