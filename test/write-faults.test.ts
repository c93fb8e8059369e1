/**
 * Transactional --write (src/engine/transaction.ts, replace.ts, journal.ts) with faults injected
 * through the file-system layer or the disk, as root cannot be stopped by mode bits: a rename that
 * fails in the middle of a change set, a temporary-file path that is occupied, a file edited after it
 * was read, a read-only file, symlinks into and out of the repository, and an interrupted write that
 * the next run completes or rolls back from the journal.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileMap } from '../src/engine/filemap';
import { writeChangeSets, type ChangeSet } from '../src/engine/transaction';
import { journalPath, readJournal, recoverJournal, startJournal, type JournalSet } from '../src/engine/journal';
import type { RepositoryLocation } from '../src/engine/repo-root';
import { contentHash, nodeWriteFs, tempPathFor, type WriteFs } from '../src/engine/write-fs';

let dir: string;
let repo: RepositoryLocation;

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-write-')));
  fs.mkdirSync(path.join(dir, '.git'));
  repo = { root: dir, journalDir: path.join(dir, '.git', 'async-migrate'), inGit: true };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** Files on disk with `old` texts, and a FileMap that read them and now holds `new` texts. */
function project(files: Record<string, [string, string]>): FileMap {
  const map = new FileMap(dir);
  for (const [rel, [before, after]] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), before);
    map.add(rel, before);
    if (after !== before) map.set(rel, after);
  }
  return map;
}

/** Every file under `root` (recursive), relative, sorted; .git's journal folder included. */
function listAll(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

/** The real file system, except that renaming onto `failTarget` fails with EIO. */
function failingRename(failTarget: string): WriteFs & { renames: string[] } {
  const renames: string[] = [];
  return {
    ...nodeWriteFs,
    renames,
    async rename(from, to) {
      if (to === failTarget && from === tempPathFor(to) && !renames.includes(`failed:${to}`)) {
        renames.push(`failed:${to}`);
        throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
      }
      renames.push(to);
      return nodeWriteFs.rename(from, to);
    },
  };
}

const CALLEE: [string, string] = ['function readEntry(p) { return 1; }\n', 'async function readEntry(p) { return 1; }\n'];
const CALLER: [string, string] = ['const hit = readEntry(p);\n', 'const hit = await readEntry(p);\n'];
const OTHER: [string, string] = ['x();\n', 'await x();\n'];

test('a rename failing in the middle of a change set puts back the files already renamed; an independent set is still written', async () => {
  const map = project({ 'lib/a.js': CALLEE, 'lib/b.js': CALLER, 'lib/c.js': OTHER, 'other/d.js': OTHER });
  const fsx = failingRename(path.join(dir, 'lib/c.js'));
  const sets: ChangeSet[] = [
    { id: 'cache', files: ['lib/a.js', 'lib/b.js', 'lib/c.js'] },
    { id: 'other', files: ['other/d.js'] },
  ];
  const report = await writeChangeSets(map, sets, { fs: fsx, repository: repo });

  // a.js and b.js were renamed before c.js failed, then restored
  expect(fsx.renames.slice(0, 3)).toEqual([path.join(dir, 'lib/a.js'), path.join(dir, 'lib/b.js'), `failed:${path.join(dir, 'lib/c.js')}`]);
  expect([read('lib/a.js'), read('lib/b.js'), read('lib/c.js')]).toEqual([CALLEE[0], CALLER[0], OTHER[0]]);
  expect(read('other/d.js')).toBe(OTHER[1]);
  expect(report.written).toEqual(['other/d.js']);
  const failed = report.sets[0];
  expect(failed.written).toBe(false);
  expect(failed.failures.map((f) => [f.path, f.code])).toEqual([
    ['lib/c.js', 'AM905'],
    ['lib/a.js', 'AM908'],
    ['lib/b.js', 'AM908'],
  ]);
  expect(failed.failures[0].message).toContain('EIO');
  expect(failed.failures[1].message).toContain('lib/c.js');
  // no temporary file, no journal
  expect(listAll(dir)).toEqual(['.git', 'lib', 'lib/a.js', 'lib/b.js', 'lib/c.js', 'other', 'other/d.js']);
});

test('an occupied temporary-file path fails the set before any rename, names the file, and removes the temporary files already made', async () => {
  const map = project({ 'lib/a.js': CALLEE, 'lib/b.js': CALLER });
  fs.mkdirSync(tempPathFor(path.join(dir, 'lib/b.js'))); // someone else's folder where b.js's temporary file would go
  const report = await writeChangeSets(map, [{ id: 'all', files: ['lib/a.js', 'lib/b.js'] }], { repository: repo });
  expect(report.written).toEqual([]);
  expect(report.sets[0].failures[0]).toMatchObject({ path: 'lib/b.js', code: 'AM905' });
  expect(report.sets[0].failures[0].message).toContain('already there');
  expect([read('lib/a.js'), read('lib/b.js')]).toEqual([CALLEE[0], CALLER[0]]);
  expect(fs.existsSync(tempPathFor(path.join(dir, 'lib/a.js')))).toBe(false);
  expect(fs.statSync(tempPathFor(path.join(dir, 'lib/b.js'))).isDirectory()).toBe(true); // not ours: kept
  expect(fs.existsSync(repo.journalDir)).toBe(false);
});

test('a file edited after it was read fails its whole set before anything is written', async () => {
  const map = project({ 'a.js': CALLEE, 'b.js': CALLER });
  fs.writeFileSync(path.join(dir, 'b.js'), 'const hit = readEntry(p); // edited\n');
  const report = await writeChangeSets(map, [{ id: 'all', files: ['a.js', 'b.js'] }], { repository: repo });
  expect(report.sets[0].failures.map((f) => [f.path, f.code])).toEqual([
    ['b.js', 'AM905'],
    ['a.js', 'AM908'],
  ]);
  expect(report.sets[0].failures[0].message).toContain('changed on disk');
  expect(read('a.js')).toBe(CALLEE[0]);
});

test('a read-only file (no write bit, checked on the mode because root ignores it) is not written unless forced, which keeps its mode', async () => {
  const map = project({ 'ro.js': OTHER, 'rw.js': OTHER });
  fs.chmodSync(path.join(dir, 'ro.js'), 0o444);
  const refused = await writeChangeSets(map, [{ id: 'all', files: ['ro.js', 'rw.js'] }], { repository: repo });
  expect(refused.sets[0].failures.map((f) => [f.path, f.code])).toEqual([
    ['ro.js', 'AM909'],
    ['rw.js', 'AM908'],
  ]);
  expect([read('ro.js'), read('rw.js')]).toEqual([OTHER[0], OTHER[0]]);

  const forced = await writeChangeSets(map, [{ id: 'all', files: ['ro.js', 'rw.js'] }], { repository: repo, force: true });
  expect(forced.written).toEqual(['ro.js', 'rw.js']);
  expect(read('ro.js')).toBe(OTHER[1]);
  expect(fs.statSync(path.join(dir, 'ro.js')).mode & 0o777).toBe(0o444);
});

test('a symlink is resolved: a target inside the repository is written (the link stays a link), one outside is refused', async () => {
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-outside-')));
  try {
    fs.writeFileSync(path.join(outside, 'target.js'), OTHER[0]);
    fs.writeFileSync(path.join(dir, 'real.js'), OTHER[0]);
    fs.symlinkSync(path.join(outside, 'target.js'), path.join(dir, 'out.js'));
    fs.symlinkSync('real.js', path.join(dir, 'in.js'));
    const map = new FileMap(dir);
    for (const f of ['out.js', 'in.js']) {
      map.add(f, OTHER[0]);
      map.set(f, OTHER[1]);
    }
    const report = await writeChangeSets(map, [{ id: 'out', files: ['out.js'] }, { id: 'in', files: ['in.js'] }], { repository: repo });
    expect(report.sets[0].failures[0]).toMatchObject({ path: 'out.js', code: 'AM910' });
    expect(report.sets[0].failures[0].message).toContain(path.join(outside, 'target.js'));
    expect(fs.readFileSync(path.join(outside, 'target.js'), 'utf8')).toBe(OTHER[0]);
    expect(report.written).toEqual(['in.js']);
    expect(fs.lstatSync(path.join(dir, 'in.js')).isSymbolicLink()).toBe(true);
    expect(read('real.js')).toBe(OTHER[1]);
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

/** The journal an interrupted write of `files` leaves (state pending), with the texts. */
async function interruptedJournal(files: Record<string, [string, string]>, state: JournalSet['state'] = 'pending'): Promise<void> {
  const texts = new Map<string, string>();
  const set: JournalSet = { id: 'cache', state, files: [] };
  for (const [rel, [before, after]] of Object.entries(files)) {
    set.files.push({ path: rel, target: path.join(dir, rel), mode: 0o644, before: contentHash(before), after: contentHash(after) });
    texts.set(contentHash(before), before);
    texts.set(contentHash(after), after);
  }
  await startJournal(repo.journalDir, [set], texts);
}

test('recovery completes a set whose files are each old or new, and removes temporary files and the journal', async () => {
  project({ 'a.js': [CALLEE[1], CALLEE[1]], 'b.js': CALLER, 'c.js': OTHER });
  await interruptedJournal({ 'a.js': CALLEE, 'b.js': CALLER, 'c.js': OTHER });
  fs.writeFileSync(tempPathFor(path.join(dir, 'b.js')), CALLER[1].slice(0, 5)); // a partial temporary file
  const lines: string[] = [];
  const recovered = await recoverJournal(repo.journalDir, (l) => lines.push(l));
  expect(recovered).toEqual([{ id: 'cache', action: 'completed', conflicts: [] }]);
  expect([read('a.js'), read('b.js'), read('c.js')]).toEqual([CALLEE[1], CALLER[1], OTHER[1]]);
  expect(lines.join('\n')).toMatch(/change set cache completed \(2 of 3 files written\)/);
  expect(listAll(dir)).toEqual(['.git', 'a.js', 'b.js', 'c.js']);
  expect(await readJournal(repo.journalDir)).toBeUndefined();
});

test('recovery rolls back a set with a file edited since (named, left as it is), and a set that was rolling back', async () => {
  project({ 'a.js': [CALLEE[1], CALLEE[1]], 'b.js': ['// edited by hand\n', '// edited by hand\n'] });
  await interruptedJournal({ 'a.js': CALLEE, 'b.js': CALLER });
  const lines: string[] = [];
  expect(await recoverJournal(repo.journalDir, (l) => lines.push(l))).toEqual([{ id: 'cache', action: 'rolled back', conflicts: ['b.js'] }]);
  expect([read('a.js'), read('b.js')]).toEqual([CALLEE[0], '// edited by hand\n']);
  expect(lines.join('\n')).toContain('b.js');

  project({ 'a.js': [CALLEE[1], CALLEE[1]], 'b.js': CALLER });
  await interruptedJournal({ 'a.js': CALLEE, 'b.js': CALLER }, 'rolling-back');
  expect((await recoverJournal(repo.journalDir, () => undefined))[0].action).toBe('rolled back');
  expect([read('a.js'), read('b.js')]).toEqual([CALLEE[0], CALLER[0]]);
  expect(fs.existsSync(journalPath(repo.journalDir))).toBe(false);
});

test('recovery refuses while the journal\'s writer is still running, and proceeds once it has ended', async () => {
  project({ 'a.js': [CALLEE[1], CALLEE[1]], 'b.js': CALLER });
  await interruptedJournal({ 'a.js': CALLEE, 'b.js': CALLER });
  const writer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'async-migrate'], { stdio: 'ignore' });
  try {
    const journal = JSON.parse(fs.readFileSync(journalPath(repo.journalDir), 'utf8')) as { pid: number };
    fs.writeFileSync(journalPath(repo.journalDir), JSON.stringify({ ...journal, pid: writer.pid }));
    await expect(recoverJournal(repo.journalDir, () => undefined)).rejects.toThrow(`pid ${writer.pid}`);
    expect(read('b.js')).toBe(CALLER[0]);
  } finally {
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
  }
  expect((await recoverJournal(repo.journalDir, () => undefined))[0].action).toBe('completed');
  expect(read('b.js')).toBe(CALLER[1]);
});

test('change sets must be disjoint with unique ids (a caller bug throws before anything is written)', async () => {
  const map = project({ 'a.js': OTHER, 'b.js': OTHER });
  await expect(writeChangeSets(map, [{ id: 'x', files: ['a.js'] }, { id: 'y', files: ['a.js', 'b.js'] }], { repository: repo })).rejects.toThrow(/a\.js is in change sets x and y/);
  await expect(writeChangeSets(map, [{ id: 'x', files: ['a.js'] }, { id: 'x', files: ['b.js'] }], { repository: repo })).rejects.toThrow(/id x/);
  expect([read('a.js'), read('b.js')]).toEqual([OTHER[0], OTHER[0]]);
});
