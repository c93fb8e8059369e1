/**
 * The faults of issue 15 injected into real runs of the executable (`node bin/async-migrate`, built
 * into dist/ by `npm test`) on a small CommonJS project whose change set spans two files:
 *   lib/store.js  readEntry() reads with readFileSync → becomes async
 *   lib/cache.js  Cache.get() calls readEntry() → becomes async and awaits it
 * Writing one without the other changes behaviour (`hit.length` of a promise), so they must be
 * written together. Tests run as root, where mode bits stop nothing: faults are injected by occupying
 * a temporary-file path, by the writer's kill hook (ASYNC_MIGRATE_TEST_KILL_AFTER_RENAMES), and by
 * the mode check the writer does itself.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', 'bin', 'async-migrate');
jest.setTimeout(240_000);

const STORE = "const fs = require('fs');\nconst path = require('path');\n\nfunction readEntry(dir, key) {\n  return fs.readFileSync(path.join(dir, key), 'utf8');\n}\n\nmodule.exports = { readEntry };\n";
const CACHE = "const { readEntry } = require('./store');\n\nclass Cache {\n  constructor(dir) {\n    this.dir = dir;\n  }\n\n  get(key) {\n    const hit = readEntry(this.dir, key);\n    return hit.length;\n  }\n}\n\nmodule.exports = { Cache };\n";
const SYNC_IN_ASYNC = "const fs = require('fs');\n\nasync function load(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n\nmodule.exports = { load };\n";

const temps: string[] = [];
afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
}

function createProject(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-write-cli-')));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "p", "version": "1.0.0" }\n');
  fs.writeFileSync(path.join(dir, 'lib', 'store.js'), STORE);
  fs.writeFileSync(path.join(dir, 'lib', 'cache.js'), CACHE);
  fs.writeFileSync(path.join(dir, 'lib', 'other.js'), SYNC_IN_ASYNC); // a change of its own (fs-promises only)
  fs.writeFileSync(path.join(dir, 'data'), 'abc');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

function run(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', input: options.input ?? '' });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
/** Files git does not know or sees changed (temporary files included), and what is in the journal folder. */
const leftovers = (dir: string) => ({
  status: git(dir, 'status', '--porcelain', '--untracked-files=all').trim(),
  journal: fs.existsSync(path.join(dir, '.git', 'async-migrate')),
});
/** What `new Cache(dir).get('data')` gives in the project as it is now (awaited when it is a promise). */
const behaviour = (dir: string) =>
  execFileSync(process.execPath, ['-e', "Promise.resolve(new (require('./lib/cache').Cache)('.').get('data')).then((n) => console.log(n))"], { cwd: dir, encoding: 'utf8' }).trim();

test('one file of a change set cannot be written: no file of the set changes, an independent change is written, exit 3, the file is named; a second run finishes the job', () => {
  const dir = createProject();
  fs.mkdirSync(path.join(dir, 'lib', '.store.js.async-migrate.tmp')); // occupies store.js's temporary file (cache.js goes first)
  const failed = run(dir, ['run', '--write']);
  expect(failed.status).toBe(3);
  expect(failed.stderr).toMatch(/lib\/store\.js:1:1 AM905 .*lib\/store\.js/);
  expect(failed.stderr).toMatch(/lib\/cache\.js:1:1 AM908 /);
  expect([read(dir, 'lib/store.js'), read(dir, 'lib/cache.js')]).toEqual([STORE, CACHE]);
  expect(read(dir, 'lib/other.js')).toContain('await readFile(p, ');
  expect(failed.stderr).toContain('wrote 1 file');
  expect(leftovers(dir)).toEqual({ status: 'M lib/other.js', journal: false }); // the occupied path is an empty folder: git lists nothing
  expect(behaviour(dir)).toBe('3');

  fs.rmdirSync(path.join(dir, 'lib', '.store.js.async-migrate.tmp'));
  const again = run(dir, ['run', '--write']);
  expect(again.status).toBe(0);
  expect(read(dir, 'lib/cache.js')).toContain('const hit = await readEntry(this.dir, key);');
  expect(behaviour(dir)).toBe('3');
});

test('a --write killed between two renames: --check reports the journal (exit 1), the next --write completes the set, no temporary file is left', () => {
  const dir = createProject();
  const killed = run(dir, ['run', '--write'], { env: { ASYNC_MIGRATE_TEST_KILL_AFTER_RENAMES: '1' } });
  expect(killed.signal).toBe('SIGKILL');
  expect(read(dir, 'lib/cache.js')).not.toBe(CACHE); // half written: cache.js awaits, store.js is still sync
  expect(read(dir, 'lib/store.js')).toBe(STORE);
  expect(fs.existsSync(path.join(dir, '.git', 'async-migrate', 'journal.json'))).toBe(true);

  const check = run(dir, ['run', '--check']);
  expect(check.status).toBe(1);
  expect(check.stderr).toContain('interrupted --write');

  const second = run(dir, ['run', '--write']);
  expect(second.status).toBe(0);
  expect(second.stderr).toMatch(/change set \S+ completed \(\d of \d files written\)/);
  expect(read(dir, 'lib/store.js')).toContain('async function readEntry');
  expect(leftovers(dir)).toEqual({ status: 'M lib/cache.js\n M lib/other.js\n M lib/store.js', journal: false }); // status is trimmed: no ?? temporary file
  expect(behaviour(dir)).toBe('3');
  expect(run(dir, ['run', '--check']).status).toBe(0);
});

test('SIGTERM in the middle of a --write removes the temporary files; the next --write completes the set', () => {
  const dir = createProject();
  const stopped = run(dir, ['run', '--write'], { env: { ASYNC_MIGRATE_TEST_KILL_AFTER_RENAMES: '1', ASYNC_MIGRATE_TEST_KILL_SIGNAL: 'SIGTERM' } });
  expect(stopped.signal).toBe('SIGTERM');
  expect(stopped.stderr).toContain('interrupted by SIGTERM while writing; temporary files removed');
  expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).not.toContain('async-migrate.tmp');
  const second = run(dir, ['run', '--write']);
  expect(second.status).toBe(0);
  expect(leftovers(dir)).toEqual({ status: 'M lib/cache.js\n M lib/other.js\n M lib/store.js', journal: false });
  expect(behaviour(dir)).toBe('3');
});

test('a read-only file is not written (exit 3, named, nothing of its set written) unless --force, which keeps its mode', () => {
  const dir = createProject();
  fs.chmodSync(path.join(dir, 'lib', 'store.js'), 0o444);
  const refused = run(dir, ['run', '--write']);
  expect(refused.status).toBe(3);
  expect(refused.stderr).toMatch(/lib\/store\.js:1:1 AM909 /);
  expect([read(dir, 'lib/store.js'), read(dir, 'lib/cache.js')]).toEqual([STORE, CACHE]);

  const forced = run(dir, ['run', '--write', '--force']);
  expect(forced.status).toBe(0);
  expect(read(dir, 'lib/store.js')).toContain('async function readEntry');
  expect(fs.statSync(path.join(dir, 'lib', 'store.js')).mode & 0o777).toBe(0o444);
});

test('a named symlink whose target is outside the repository is refused with AM910; the target is untouched', () => {
  const dir = createProject();
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-outside-')));
  temps.push(outside);
  fs.writeFileSync(path.join(outside, 'load.js'), SYNC_IN_ASYNC);
  fs.symlinkSync(path.join(outside, 'load.js'), path.join(dir, 'lib', 'load.js'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'link');
  const r = run(dir, ['run', 'lib/load.js', '--write']);
  expect(r.status).toBe(3);
  expect(r.stderr).toMatch(/lib\/load\.js:1:1 AM910 .*outside the repository/);
  expect(read(outside, 'load.js')).toBe(SYNC_IN_ASYNC);
  expect(fs.lstatSync(path.join(dir, 'lib', 'load.js')).isSymbolicLink()).toBe(true);
});

test('a 10 MB generated file is skipped and named (AM911); the other files are migrated', () => {
  const dir = createProject();
  const chunk = (i: number) => `function m${i}(exports) {\n  exports.read = async () => require('fs').readFileSync('a${i}', 'utf8');\n}\n`;
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) size += parts[parts.push(chunk(i)) - 1].length;
  fs.mkdirSync(path.join(dir, 'vendor'));
  fs.writeFileSync(path.join(dir, 'vendor', 'bundle.js'), parts.join(''));
  const started = Date.now();
  const r = run(dir, ['run', '--json']);
  const seconds = (Date.now() - started) / 1000;
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout) as { files: { path: string; status: string }[]; findings: { code: string; file: string }[] };
  expect(json.findings.filter((f) => f.code === 'AM911').map((f) => f.file)).toEqual(['vendor/bundle.js']);
  expect(json.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual(['lib/cache.js', 'lib/other.js', 'lib/store.js']);
  expect(seconds).toBeLessThan(90); // it ran out of memory after ~100 s before; the run itself takes a few CPU-seconds
});

test('`-` reads standard input and prints the transformed source; --stdin-filepath picks the parser; mixed with paths or --write it exits 2', () => {
  const dir = createProject();
  const ts = "import * as fs from 'fs';\nexport async function f(p: string): Promise<string> {\n  return fs.readFileSync(p, 'utf8');\n}\n";
  const asTs = run(dir, ['run', '-', '--stdin-filepath', 'lib/f.ts'], { input: ts });
  expect(asTs.status).toBe(0);
  expect(asTs.stdout).toContain('return await readFile(p, ');
  expect(asTs.stdout).not.toContain('readFileSync');
  expect(asTs.stdout).not.toContain('diff --git');

  const asJs = run(dir, ['run', '-'], { input: ts }); // stdin.js: type annotations do not parse as JavaScript
  expect(asJs.status).toBe(3);
  expect(asJs.stderr).toMatch(/stdin\.js:\d+:\d+ AM901/);
  expect(asJs.stdout).toBe(ts);

  const mixed = run(dir, ['run', 'lib/cache.js', '-', '--write'], { input: ts });
  expect(mixed.status).toBe(2);
  expect(mixed.stderr).toContain('standard input cannot be mixed with paths (lib/cache.js)');
  expect(run(dir, ['run', '-', '--write'], { input: ts }).status).toBe(2);
  expect([read(dir, 'lib/store.js'), read(dir, 'lib/cache.js')]).toEqual([STORE, CACHE]);
});
