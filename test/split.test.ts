/**
 * `async-migrate split` (issue 14 item 3): batches of change sets by folder, their order, --max-files,
 * and that each patch applies with `git apply` in order on a git copy of the project, which then
 * type-checks (`tsc --noEmit -p`); index.json's shape. Also the grouping by package and by owner
 * (src/plan/batches.ts) on change sets made up here.
 *
 * The project (test/__fixtures__/split-project): alpha/config.ts (loadConfig, called from
 * alpha/main.ts), beta/data.ts (readRows, called from beta/report.ts) — two folders with a change set
 * each — and alpha/log.ts (readLog) called from beta/audit.ts and beta/summary.ts: a set spanning both
 * folders, with most of its files in beta.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { groupBatches } from '../src/plan/batches';
import type { PlanChangeSet } from '../src/core/plan';
import { commitAsBase } from './helpers/git-repo';
import { runCli } from './helpers/report-checks';

/** Temporary copies, removed when this file's tests are done. */
const tempDirs: string[] = [];
afterAll(() => tempDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

jest.setTimeout(180_000);

const FIXTURE = path.join(__dirname, '__fixtures__', 'split-project');
const TYPE_ROOTS = path.join(__dirname, '..', 'node_modules', '@types');
const TSC = path.join(__dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');

/** A git repository holding a copy of the fixture (tsconfig pointed at this repository's @types). */
function gitCopy(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-split-')));
  tempDirs.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [TYPE_ROOTS];
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  commitAsBase(dir);
  return dir;
}

/** Run the CLI in `cwd` (in-process). */
const cli = (cwd: string, args: string[]) => runCli(args, cwd);

interface IndexJson {
  schemaVersion: number;
  by: string;
  batches: { index: number; name: string; file: string | null; report: string; changesets: string[]; files: string[]; exportedApi: string[]; notApplied: unknown[] }[];
}

const readIndex = (dir: string): IndexJson => JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as IndexJson;

describe('split --by dir', () => {
  let project: string;
  let index: IndexJson;
  let changeSets: { id: string; files: string[] }[];

  beforeAll(async () => {
    project = gitCopy();
    const listed = await cli(project, ['plan', '.', '--changesets', '--json']);
    changeSets = (JSON.parse(listed.stdout) as { changesets: { id: string; files: string[] }[] }).changesets;
    const out = path.join(os.tmpdir(), `am-split-out-${path.basename(project)}`);
    const run = await cli(project, ['split', '.', '--by', 'dir', '--out', out]);
    expect(run.stderr).not.toMatch(/async-migrate: /);
    expect(run.code).toBe(0);
    index = readIndex(out);
    fs.renameSync(out, path.join(project, '..', `${path.basename(project)}-out`));
    tempDirs.push(path.join(project, '..', `${path.basename(project)}-out`));
  });

  it('groups each change set by the folder holding most of its files, folders in name order', () => {
    expect(changeSets).toHaveLength(3);
    const spanning = changeSets.find((c) => c.files.includes('alpha/log.ts'));
    expect(spanning?.files).toEqual(['alpha/log.ts', 'beta/audit.ts', 'beta/summary.ts']);
    expect(index.batches.map((b) => b.name)).toEqual(['alpha', 'beta']);
    expect(index.batches[0].files).toEqual(['alpha/config.ts', 'alpha/main.ts']);
    expect(index.batches[1].files).toEqual(['alpha/log.ts', 'beta/audit.ts', 'beta/data.ts', 'beta/report.ts', 'beta/summary.ts']);
    expect(index.batches[1].changesets.sort()).toEqual(changeSets.filter((c) => c.files.some((f) => f.startsWith('beta/'))).map((c) => c.id).sort());
  });

  it('writes index.json with the documented shape', () => {
    expect(index.schemaVersion).toBe(1);
    expect(index.by).toBe('dir');
    index.batches.forEach((b, i) => {
      expect(Object.keys(b).sort()).toEqual(['changesets', 'exportedApi', 'file', 'files', 'index', 'name', 'notApplied', 'report'].sort());
      expect(b.index).toBe(i + 1);
      expect(b.file).toBe(`0${i + 1}-${b.name}.patch`);
      expect(b.report).toBe(`0${i + 1}-${b.name}.md`);
      expect(b.notApplied).toEqual([]);
    });
    expect(index.batches[0].exportedApi).toEqual(['alpha/config.ts:loadConfig', 'alpha/main.ts:start']);
  });

  it('writes patches that git apply in order, each step type-checking', () => {
    const out = path.join(project, '..', `${path.basename(project)}-out`);
    tempDirs.push(out);
    const touched: string[] = [];
    for (const batch of index.batches) {
      const patch = path.join(out, batch.file as string);
      const text = fs.readFileSync(patch, 'utf8');
      touched.push(...[...text.matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]));
      execFileSync('git', ['apply', '--check', patch], { cwd: project, stdio: 'pipe' });
      execFileSync('git', ['apply', patch], { cwd: project, stdio: 'pipe' });
      execFileSync(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json'], { cwd: project, stdio: 'pipe' });
      expect(fs.readFileSync(path.join(out, batch.report), 'utf8')).toMatch(/async/);
    }
    expect(touched.sort()).toEqual(index.batches.flatMap((b) => b.files).sort());
    expect(fs.readFileSync(path.join(project, 'beta/summary.ts'), 'utf8')).toMatch(/await readLog\(file\)/);
    expect(fs.readFileSync(path.join(project, 'alpha/main.ts'), 'utf8')).toMatch(/export async function start/);
  });
});

describe('split --max-files', () => {
  it('cuts a folder into batches of at most N files, never splitting a change set', async () => {
    const project = gitCopy();
    const out = path.join(project, '..', `${path.basename(project)}-out`);
    tempDirs.push(out);
    const run = await cli(project, ['split', '.', '--max-files', '3', '--out', out]);
    expect(run.code).toBe(0);
    const index = readIndex(out);
    expect(index.batches.map((b) => b.name)).toEqual(['alpha', 'beta-1', 'beta-2']);
    expect(index.batches.map((b) => b.files.length).sort()).toEqual([2, 2, 3]);
    for (const batch of index.batches) execFileSync('git', ['apply', path.join(out, batch.file as string)], { cwd: project, stdio: 'pipe' });
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json'], { cwd: project, stdio: 'pipe' });
  });

  it('refuses a --max-files that is not a whole number of at least 1, and --changeset (exit 2)', async () => {
    const project = gitCopy();
    const run = await cli(project, ['split', '.', '--max-files', '0', '--out', 'batches']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-files must be a whole number/);
    const chosen = await cli(project, ['split', '.', '--changeset', 'cs-00000000', '--out', 'batches']);
    expect(chosen.code).toBe(2);
    expect(chosen.stderr).toMatch(/--changeset cannot be used with split/);
  });
});

describe('groupBatches by package and owner', () => {
  const set = (id: string, files: string[], exportedApi: string[] = []): PlanChangeSet => ({ id, label: id, seeds: [], files, functions: 1, callSites: 1, exportedApi });

  it('orders packages dependencies first', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-split-pkg-')));
    tempDirs.push(dir);
    const pkg = (folder: string, json: object) => {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, 'package.json'), JSON.stringify(json));
    };
    pkg('.', { name: 'root', private: true, workspaces: ['packages/*'] });
    pkg('packages/app', { name: 'app', dependencies: { core: '*' } });
    pkg('packages/core', { name: 'core' });
    pkg('packages/zed', { name: 'zed' });
    const batches = groupBatches([set('cs-1', ['packages/app/src/a.ts']), set('cs-2', ['packages/core/src/c.ts'], ['packages/core/src/c.ts:read']), set('cs-3', ['packages/zed/z.ts'])], { by: 'package', cwd: dir });
    expect(batches.map((b) => b.name)).toEqual(['core', 'app', 'zed']);
    expect(batches[0].exportedApi).toEqual(['packages/core/src/c.ts:read']);
  });

  it('groups by the last matching CODEOWNERS rule', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-split-own-')));
    tempDirs.push(dir);
    fs.mkdirSync(path.join(dir, '.github'));
    fs.writeFileSync(path.join(dir, '.github', 'CODEOWNERS'), '# owners\n*.ts @org/everyone\n/lib/ @org/lib-team\nlib/legacy/ @org/legacy\n');
    const batches = groupBatches([set('cs-1', ['lib/a.ts']), set('cs-2', ['lib/legacy/b.ts']), set('cs-3', ['src/c.ts']), set('cs-4', ['README.md'])], { by: 'owner', cwd: dir });
    expect(batches.map((b) => [b.group, b.changeSets.map((c) => c.id)])).toEqual([
      ['@org/everyone', ['cs-3']],
      ['@org/legacy', ['cs-2']],
      ['@org/lib-team', ['cs-1']],
      ['unowned', ['cs-4']],
    ]);
    expect(batches.map((b) => b.name)).toEqual(['org-everyone', 'org-legacy', 'org-lib-team', 'unowned']);
  });
});
