/**
 * The per-file budget end to end (src/engine/file-budget.ts, issue 15): a file whose transforms run
 * out of time (AM914) or heap (AM915) is stopped in its worker and reported by name; the other files
 * are migrated; the run exits 3 (docs/cli.md, exit codes).
 *
 * Workers run compiled JavaScript, so the CLI runs from dist/ (built by `npm test`; the environment
 * variable ASYNC_MIGRATE_DIST names another build) in a child process. The faults are injected with
 * no hook in the product: a real 10 MB bundle named explicitly, and, for a transform that never
 * ends or allocates without bound, a module preloaded with Node's own `--require` (workers inherit
 * it) that wraps fs-promises' default export for files carrying a marker comment.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './helpers/report-checks';

const DIST = process.env.ASYNC_MIGRATE_DIST ?? path.join(__dirname, '..', 'dist');
const CLI = path.join(DIST, 'src', 'cli', 'index.js');

jest.setTimeout(120_000);

const GOOD = "const fs = require('fs');\nasync function load(p) {\n  return fs.readFileSync(p, 'utf8');\n}\nmodule.exports = { load };\n";

/** Wraps fs-promises' transform: `/* test: loop *\/` never ends, `/* test: allocate *\/` fills the heap. */
const FAULTS = `
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  const exports = load.call(this, request, ...rest);
  if (/transforms[\\\\/]fs-promises$/.test(request) && !exports.__faults) {
    const transform = exports.default;
    exports.default = function (file, api, options) {
      if (file.source.includes('/* test: loop */')) for (;;);
      if (file.source.includes('/* test: allocate */')) { const held = []; for (;;) held.push(new Array(10000).fill(held.length)); }
      return transform.call(this, file, api, options);
    };
    exports.__faults = true;
  }
  return exports;
};
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-budget-'));
  fs.writeFileSync(path.join(dir, 'faults.js'), FAULTS);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

/** Run the built CLI in `dir` (with the fault module preloaded when `faults`); exit code, JSON result, stderr. */
function run(args: string[], faults: boolean) {
  const node = faults ? ['--require', path.join(dir, 'faults.js')] : [];
  const r = spawnSync(process.execPath, [...node, '-e', `require(${JSON.stringify(CLI)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 110_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = { files: { path: string; status: string }[]; findings: { code: string; file: string; message: string }[] };
const statuses = (json: Json) => Object.fromEntries(json.files.map((f) => [f.path, f.status]));

describe('with workers (--jobs 2), the others are migrated and the run exits 3', () => {
  const withGoodFiles = (name: string, marker: string) => {
    for (const good of ['src/a.js', 'src/b.js', 'src/c.js']) put(good, GOOD);
    put(name, `${marker}\n${GOOD}`);
  };
  const expectOnly = (json: Json, file: string, code: string) => {
    expect(statuses(json)).toEqual({ 'src/a.js': 'changed', 'src/b.js': 'changed', 'src/c.js': 'changed', [file]: 'failed' });
    const failures = json.findings.filter((f) => f.file === file);
    expect(failures.map((f) => f.code)).toEqual([code]);
    expect(failures[0].message).toContain(file);
  };

  test('a file whose transform never ends is stopped after --file-timeout (AM914)', () => {
    withGoodFiles('src/loop.js', '/* test: loop */');
    const { code, stdout, stderr } = run(['run', 'src', '-t', 'fs-promises', '--jobs', '2', '--file-timeout', '2', '--json'], true);
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(3);
    expectOnly(JSON.parse(stdout) as Json, 'src/loop.js', 'AM914');
  });

  test('a file whose transform fills the heap is stopped at --file-memory (AM915)', () => {
    withGoodFiles('src/alloc.js', '/* test: allocate */');
    const { code, stdout, stderr } = run(['run', 'src', '-t', 'fs-promises', '--jobs', '2', '--file-timeout', '0', '--file-memory', '128', '--json'], true);
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(3);
    expectOnly(JSON.parse(stdout) as Json, 'src/alloc.js', 'AM915');
  });
});

test('without a pool (--jobs 1), a file of 256 KiB or more still runs in a worker with the budget; the summary names it', () => {
  put('src/a.js', GOOD);
  // ordinary lines (not "generated"), named by walking the folder
  put('src/large.js', `/* test: loop */\n${GOOD}${'// a comment line of ordinary length\n'.repeat(8000)}`);
  expect(fs.statSync(path.join(dir, 'src/large.js')).size).toBeGreaterThan(256 * 1024);
  const { code, stdout, stderr } = run(['run', 'src', '-t', 'fs-promises', '--jobs', '1', '--file-timeout', '3'], true);
  expect(code).toBe(3);
  expect(stdout).toContain('+++ b/src/a.js');
  expect(stdout).not.toContain('src/large.js');
  expect(stderr).toMatch(/src\/large\.js:1:1 AM914 .*src\/large\.js: the transforms ran longer than 3 s/);
});

test('a 10 MB bundle named explicitly exhausts its worker heap (AM915) instead of the process; the other file is migrated', () => {
  put('src/a.js', GOOD);
  const chunk = (i: number) => `/******/ function __module_${i}(exports, require) {\n  const fs = require('fs');\n  exports.read = () => fs.readFileSync('a${i}', 'utf8');\n}\n`;
  const parts = ['/* @generated by the bundler */\n'];
  for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) size += parts[parts.push(chunk(i)) - 1].length;
  put('vendor/bundle.js', parts.join(''));
  const { code, stdout, stderr } = run(['run', 'src', 'vendor/bundle.js', '-t', 'fs-promises', '--file-memory', '256', '--json'], false);
  expect(stderr).not.toContain('internal error');
  expect(code).toBe(3);
  const json = JSON.parse(stdout) as Json;
  expect(statuses(json)).toEqual({ 'src/a.js': 'changed', 'vendor/bundle.js': 'failed' });
  expect(json.findings.find((f) => f.file === 'vendor/bundle.js')?.code).toBe('AM915');
});

test('bad budgets are usage errors (exit 2)', async () => {
  put('src/a.js', GOOD);
  expect(await runCli(['run', 'src', '--file-timeout', '-1'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--file-timeout') });
  expect(await runCli(['run', 'src', '--file-memory', '64'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('at least 128') });
  expect(await runCli(['run', 'src', '--file-memory', 'lots'], dir)).toMatchObject({ code: 2 });
});
