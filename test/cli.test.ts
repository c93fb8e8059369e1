/**
 * The real executable (`node bin/async-migrate`, built into dist/ by `npm test`) on temporary copies
 * of test/__fixtures__/cli-project, a small CommonJS package:
 *   src/settings.ts      sync fs calls inside an async function (rewritten)
 *   src/archive.cjs      CommonJS: calls in an async function (rewritten) and at top level (AM104)
 *   src/util/format.ts   no fs at all (unchanged)
 * plus files each copy gets here because what is special about them must be exact bytes or would
 * be ignored by this repository's own .gitignore:
 *   src/windows.js       CRLF line endings        src/tail.mjs   ES module, no final newline
 *   generated/cache.js   ignored by .gitignore    node_modules/dep/index.js   never walked
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TRANSFORMS } from '../src/engine/registry';

const REPO = path.join(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'async-migrate');
const FIXTURE = path.join(__dirname, '__fixtures__', 'cli-project');
const CHANGED = ['src/archive.cjs', 'src/settings.ts', 'src/tail.mjs', 'src/windows.js'];
const SYNC_IN_ASYNC = "const fs = require('fs');\n\nasync function load(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n\nmodule.exports = { load };\n";

// Each test spawns the CLI several times (with propagate-async's project analysis): allow for a busy machine.
jest.setTimeout(180_000);

const temps: string[] = [];
afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8' });
}

/** A fresh copy of the fixture project (committed to a new git repository unless `withGit` is false). */
function createProject(withGit = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-cli-'));
  temps.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put('src/windows.js', "const fs = require('fs');\r\n\r\nasync function size(p) {\r\n  return fs.statSync(p).size;\r\n}\r\n\r\nmodule.exports = { size };\r\n");
  put('src/tail.mjs', "import { readFileSync } from 'node:fs';\n\nexport const banner = readFileSync(new URL('./banner.txt', import.meta.url), 'utf8');");
  put('.gitignore', 'generated/\n');
  put('generated/cache.js', SYNC_IN_ASYNC);
  put('node_modules/dep/index.js', SYNC_IN_ASYNC);
  if (withGit) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'fixture');
  }
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, ...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` except .git, path → bytes (as latin1 so any byte compares exactly). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(dir, child), 'latin1');
    }
  };
  walk('');
  return out;
}

/** Paths `git status` reports as changed or new. */
const changedInGit = (dir: string) => git(dir, 'status', '--porcelain').split('\n').filter(Boolean).map((l) => l.slice(3)).sort();

const SCANNED = ['src/archive.cjs', 'src/settings.ts', 'src/tail.mjs', 'src/util/format.ts', 'src/windows.js'];

const patchedFiles = (patch: string) => [...patch.matchAll(/^diff --git a\/(\S+) b\//gm)].map((m) => m[1]);

test('dry run: files stay byte-identical; the patch on stdout passes `git apply --check`; summary on stderr', () => {
  const dir = createProject();
  const before = snapshot(dir);
  const r = run(dir, 'run');
  expect(r.status).toBe(0);
  expect(snapshot(dir)).toEqual(before);
  expect(patchedFiles(r.stdout)).toEqual(CHANGED);
  expect(r.stdout).toContain('\r\n'); // CRLF lines of src/windows.js kept in the patch
  expect(r.stdout).toContain('\\ No newline at end of file'); // src/tail.mjs
  fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}.patch`), r.stdout);
  git(dir, 'apply', '--check', path.join(dir, '..', `${path.basename(dir)}.patch`));
  temps.push(path.join(dir, '..', `${path.basename(dir)}.patch`));

  expect(r.stderr).toMatch(/^async-migrate: 5 files scanned: 4 changed, 1 unchanged, 0 failed$/m);
  expect(r.stderr).toMatch(/^ {2}AM104 CommonJS top level cannot await \(1\)\n {4}src\/archive\.cjs:7:1 mkdirSync$/m);
  expect(r.stderr).toContain('dry run: nothing written');
});

test('--write changes exactly the patched files, equal to applying the patch; a second run changes nothing', () => {
  const dir = createProject();
  const twin = createProject();
  const dry = run(dir, 'run', '--diff', 'migration.patch');
  expect(dry.status).toBe(0);
  expect(fs.readFileSync(path.join(dir, 'migration.patch'), 'utf8')).toBe(dry.stdout);
  fs.rmSync(path.join(dir, 'migration.patch'));

  const check = run(dir, 'run', '--check');
  expect(check.status).toBe(1);
  expect(check.stderr).toMatch(/^check: 4 files would change$/m);
  const w = run(dir, 'run', '--write');
  expect(w.status).toBe(0);
  expect(w.stdout).toBe('');
  expect(w.stderr).toMatch(/^wrote 4 files$/m);
  expect(changedInGit(dir)).toEqual(CHANGED);

  fs.writeFileSync(path.join(twin, 'migration.patch'), dry.stdout);
  git(twin, 'apply', 'migration.patch');
  fs.rmSync(path.join(twin, 'migration.patch'));
  expect(snapshot(dir)).toEqual(snapshot(twin));

  const again = run(dir, 'run');
  expect(again.status).toBe(0);
  expect(again.stdout).toBe('');
  expect(again.stderr).toMatch(/5 files scanned: 0 changed, 5 unchanged, 0 failed/);
  const clean = run(dir, 'run', '--check');
  expect(clean.status).toBe(0);
  expect(clean.stderr).toMatch(/^check: nothing would change$/m);
});

test('a file with a syntax error is reported with path, line and AM901; the others are still rewritten; exit 3', () => {
  const dir = createProject();
  fs.writeFileSync(path.join(dir, 'src', 'broken.ts'), "import { readFileSync } from 'fs';\n\nexport async function f() {\n  return readFileSync('x', 'utf8') +;\n}\n");
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'broken file');
  const dry = run(dir, 'run');
  expect(dry.status).toBe(3);
  expect(patchedFiles(dry.stdout)).toEqual(CHANGED);
  expect(dry.stderr).toMatch(/^ {2}src\/broken\.ts:4:\d+ AM901 file does not parse: /m);

  const w = run(dir, 'run', '--write');
  expect(w.status).toBe(3);
  expect(changedInGit(dir)).toEqual(CHANGED);
});

test('--write refuses files with uncommitted changes (exit 2, nothing written) unless --allow-dirty', () => {
  const dir = createProject();
  fs.appendFileSync(path.join(dir, 'src', 'settings.ts'), '// local edit\n');
  const before = snapshot(dir);
  const refused = run(dir, 'run', '--write');
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('refusing to write');
  expect(refused.stderr).toContain('src/settings.ts');
  expect(refused.stderr).toContain('--allow-dirty');
  expect(snapshot(dir)).toEqual(before);

  const allowed = run(dir, 'run', '--write', '--allow-dirty');
  expect(allowed.status).toBe(0);
  expect(fs.readFileSync(path.join(dir, 'src', 'settings.ts'), 'utf8')).toContain('// local edit\n');
  expect(fs.readFileSync(path.join(dir, 'src', 'settings.ts'), 'utf8')).not.toBe(before['src/settings.ts']);
});

test('--write works outside a git repository', () => {
  const dir = createProject(false);
  const w = run(dir, 'run', 'src', '--write');
  expect(w.status).toBe(0);
  expect(w.stderr).toMatch(/^wrote 4 files$/m);
});

test('usage errors exit 2: unknown option, missing path, unknown transform, --write with --check', () => {
  const dir = createProject();
  const unknown = run(dir, 'run', '--no-such-option');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/unknown option --no-such-option/);
  const missing = run(dir, 'run', 'src', 'lib/missing.ts');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('lib/missing.ts: no such file or directory');
  expect(missing.stdout).toBe('');
  const badTransform = run(dir, 'run', '-t', 'no-such-transform');
  expect(badTransform.status).toBe(2);
  expect(badTransform.stderr).toMatch(/Invalid values/);
  expect(run(dir, 'run', '--write', '--check').status).toBe(2);
  expect(run(dir, 'frobnicate').status).toBe(2);
  expect(run(dir).status).toBe(2);
});

test('--json prints files, edits and findings with reason codes and locations', () => {
  const dir = createProject();
  const r = run(dir, 'run', '--json');
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.schemaVersion).toBe(1);
  expect(json.mode).toBe('dry-run');
  expect(json.summary).toMatchObject({ scanned: 5, changed: 4, unchanged: 1, failed: 0 });
  expect(json.files.map((f: { path: string; status: string }) => `${f.path} ${f.status}`)).toEqual(SCANNED.map((p) => `${p} ${CHANGED.includes(p) ? 'changed' : 'unchanged'}`));
  expect(json.edits.map((e: { path: string }) => e.path)).toEqual(CHANGED);
  expect(json.edits.every((e: { patch: string; hunks: unknown[] }) => e.patch.startsWith('diff --git a/') && e.hunks.length > 0)).toBe(true);
  expect(json.findings).toContainEqual(expect.objectContaining({ kind: 'left-alone', code: 'AM104', file: 'src/archive.cjs', line: 7, column: 1, level: 'warning' }));
  const rewritten = json.findings.filter((f: { kind: string }) => f.kind === 'rewritten');
  expect(rewritten.length).toBe(json.summary.sitesRewritten);
  expect(rewritten.every((f: { code: string; file: string; line: number }) => /^AM\d{3}$/.test(f.code) && CHANGED.includes(f.file) && f.line > 0)).toBe(true);
  expect(rewritten.filter((f: { transform: string }) => f.transform === 'fs-promises').map((f: { file: string; code: string }) => `${f.file} ${f.code}`).sort()).toEqual([
    'src/archive.cjs AM001',
    'src/archive.cjs AM001',
    'src/archive.cjs AM001',
    'src/settings.ts AM001',
    'src/settings.ts AM002',
    'src/tail.mjs AM001',
    'src/windows.js AM001',
  ]);
});

test('-t, --ignore and paths narrow the run; ignored and node_modules files are never read', () => {
  const dir = createProject();
  const all = run(dir, 'run', '--json');
  const scanned = JSON.parse(all.stdout).files.map((f: { path: string }) => f.path);
  expect(scanned).toEqual(SCANNED); // not generated/cache.js (.gitignore), not node_modules/dep/index.js

  const narrowed = run(dir, 'run', 'src', '--ignore', '*.cjs', '--ignore', 'src/tail.mjs', '-t', 'fs-promises');
  expect(narrowed.status).toBe(0);
  expect(patchedFiles(narrowed.stdout)).toEqual(['src/settings.ts', 'src/windows.js']);

  const one = run(path.join(dir, 'src'), 'run', 'settings.ts');
  // patch paths are relative to the top of the git work tree, where `git apply` reads them (docs/cli.md)
  expect(patchedFiles(one.stdout)).toEqual(['src/settings.ts']);
});

test('worker threads (-j 2) give the same patch, findings and exit code as one thread (-j 1)', () => {
  const dir = createProject();
  fs.writeFileSync(path.join(dir, 'src', 'broken.js'), "const fs = require('fs');\nasync function f() { return fs.readFileSync('x') +; }\n");
  const one = run(dir, 'run', '--json', '-j', '1');
  const two = run(dir, 'run', '--json', '-j', '2');
  expect(one.status).toBe(3);
  expect(two.status).toBe(3);
  expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  expect(run(dir, 'run', '-j', '0').status).toBe(2);
});

test('list shows every registered transform with its description, in run order', () => {
  const r = run(REPO, 'list');
  expect(r.status).toBe(0);
  let last = -1;
  for (const t of TRANSFORMS) {
    const at = r.stdout.indexOf(` ${t.meta.name} `);
    expect(at).toBeGreaterThan(last);
    expect(r.stdout).toContain(t.meta.description);
    last = at;
  }
  const json = JSON.parse(run(REPO, 'list', '--json').stdout);
  expect(json.schemaVersion).toBe(1);
  expect(json.transforms.map((t: { name: string }) => t.name)).toEqual(TRANSFORMS.map((t) => t.meta.name));
});
