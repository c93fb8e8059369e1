/**
 * Patch paths that `git apply` takes wherever the files are: `run` in-process (src/cli `main`) on
 * temporary folders, files inside and outside the working directory, with and without git. Each
 * patch is checked with `git apply --check -v` (which exits 0 even when it skips a path, so the
 * verbose output must name every file and skip none) and then applied, and the result must equal
 * what `--write` produces.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli';

jest.setTimeout(60_000);

const temps: string[] = [];
afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

const SOURCE = "const fs = require('fs');\n\nasync function load(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n\nmodule.exports = { load };\n";

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A folder with `app/main.js` and `lib/util.js`, each with a sync call in an async function. */
function createTree(withGit: boolean): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-patch-')));
  temps.push(dir);
  for (const rel of ['app/main.js', 'lib/util.js']) {
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), SOURCE);
  }
  if (withGit) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'fixture');
  }
  return dir;
}

async function run(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['run', '-t', 'fs-promises', ...args], {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
  });
  return { code, stdout, stderr };
}

const headers = (patch: string) => [...patch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].map((m) => [m[1], m[2]]);

/**
 * Check and apply `patch` in `applyDir` (verbose: every file checked, none skipped); return the new
 * texts of `files` (paths as in the patch, read from `root`, default `applyDir`).
 */
function applyPatch(applyDir: string, patch: string, files: string[], root = applyDir): Record<string, string> {
  const patchFile = path.join(os.tmpdir(), `am-patch-${process.pid}-${temps.length}.patch`);
  temps.push(patchFile);
  fs.writeFileSync(patchFile, patch);
  const check = spawnSync('git', ['apply', '--check', '-v', patchFile], { cwd: applyDir, encoding: 'utf8' });
  const verbose = `${check.stdout}${check.stderr}`;
  expect({ status: check.status, verbose }).toEqual({ status: 0, verbose: expect.not.stringMatching(/Skipped patch/) });
  for (const file of files) expect(verbose).toContain(`Checking patch ${file}...`);
  execFileSync('git', ['apply', patchFile], { cwd: applyDir, stdio: 'ignore' });
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
}

const EXPECTED = SOURCE.replace("const fs = require('fs');", "const { readFile } = require('fs/promises');").replace('fs.readFileSync(', 'await readFile(');

describe('patch paths', () => {
  test('in a git repository, a file outside the working directory: paths from the top of the work tree', async () => {
    const dir = createTree(true);
    const r = await run(path.join(dir, 'app'), 'main.js', '../lib/util.js');
    expect(r.code).toBe(0);
    expect(headers(r.stdout).sort()).toEqual([
      ['app/main.js', 'app/main.js'],
      ['lib/util.js', 'lib/util.js'],
    ]);
    expect(r.stdout).not.toContain('../');
    expect(r.stderr).toContain('patch paths are relative to ..: run git apply there');
    expect(applyPatch(dir, r.stdout, ['app/main.js', 'lib/util.js'])).toEqual({ 'app/main.js': EXPECTED, 'lib/util.js': EXPECTED });
  });

  test('in a subfolder of a git repository, files inside it: git apply works from that subfolder', async () => {
    const dir = createTree(true);
    const r = await run(path.join(dir, 'app'), 'main.js');
    expect(headers(r.stdout)).toEqual([['app/main.js', 'app/main.js']]);
    expect(applyPatch(path.join(dir, 'app'), r.stdout, ['app/main.js'], dir)).toEqual({ 'app/main.js': EXPECTED });
  });

  test('at the top of a git repository: paths relative to the working directory, no note', async () => {
    const dir = createTree(true);
    const r = await run(dir, 'app', '--diff', 'migration.patch');
    expect(headers(r.stdout)).toEqual([['app/main.js', 'app/main.js']]);
    expect(r.stderr).not.toContain('patch paths are relative to');
    expect(fs.readFileSync(path.join(dir, 'migration.patch'), 'utf8')).toBe(r.stdout);
    fs.rmSync(path.join(dir, 'migration.patch'));
    expect(applyPatch(dir, r.stdout, ['app/main.js'])).toEqual({ 'app/main.js': EXPECTED });
  });

  test('outside git, a file outside the working directory: paths from the deepest folder holding both', async () => {
    const dir = createTree(false);
    const r = await run(path.join(dir, 'app'), 'main.js', '../lib/util.js');
    expect(headers(r.stdout).map(([a]) => a).sort()).toEqual(['app/main.js', 'lib/util.js']);
    expect(r.stderr).toContain('patch paths are relative to ..: run git apply there');
    expect(applyPatch(dir, r.stdout, ['app/main.js', 'lib/util.js'])).toEqual({ 'app/main.js': EXPECTED, 'lib/util.js': EXPECTED });
  });

  test('outside git, files inside the working directory: paths relative to it, as before', async () => {
    const dir = createTree(false);
    const r = await run(dir, 'lib');
    expect(headers(r.stdout)).toEqual([['lib/util.js', 'lib/util.js']]);
    expect(r.stderr).not.toContain('patch paths are relative to');
  });
});
