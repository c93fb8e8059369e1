/**
 * Monorepo workspaces (issue 14 item 4): test/__fixtures__/workspace-project is an npm workspace of
 * three private TypeScript packages built with project references (`tsc -b` from the solution-style
 * root): packages/core ← packages/util-b ← packages/app-c, importing each other by name
 * (`@ws/core`), whose package.json `main`/`types` point at the built `lib/`. core's `readSettings`
 * (sync fs) is called by util-b's `describeSettings`, called by app-c's `main`: one change set across
 * the three packages, planned from core's sources (the imports resolve to `src/`, not to `lib/`).
 * Each package also has a change set of its own (core's `cacheSize`, util-b's `renderTemplate`,
 * app-c's `showBanner`).
 *
 * Checked here: the plan spans the packages with and without node_modules links; `split --by
 * package` orders the batches dependencies first, puts the cross-package set with core (where it
 * starts) and lists in core's PR description the exported API the later packages depend on; each
 * batch applied alone on the base (`run --changeset … --write`), and the patches applied in order
 * with `git apply`, build with `tsc -b`. Then the same
 * workspace with core published (not private): core's exported API stays sync (AM330), util-b and
 * app-c still migrate, and their batches build.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commitAsBase } from './helpers/git-repo';
import { runCli } from './helpers/report-checks';

/** Temporary copies, removed when this file's tests are done. */
const tempDirs: string[] = [];
afterAll(() => tempDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

jest.setTimeout(240_000);

const FIXTURE = path.join(__dirname, '__fixtures__', 'workspace-project');
const TYPE_ROOTS = path.join(__dirname, '..', 'node_modules', '@types');
const TSC = path.join(__dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');
const PACKAGES = ['core', 'util-b', 'app-c'];

/**
 * A git repository holding a copy of the fixture (tsconfig.base.json pointed at this repository's
 * @types); with `links`, node_modules/@ws/<name> symlinks to each package as npm would make them.
 * `edit` changes files before the base commit.
 */
function gitCopy(links: boolean, edit?: (dir: string) => void): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-ws-')));
  tempDirs.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const base = path.join(dir, 'tsconfig.base.json');
  const tsconfig = JSON.parse(fs.readFileSync(base, 'utf8')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [TYPE_ROOTS];
  fs.writeFileSync(base, JSON.stringify(tsconfig, null, 2));
  if (links) {
    fs.mkdirSync(path.join(dir, 'node_modules', '@ws'), { recursive: true });
    for (const name of PACKAGES) fs.symlinkSync(path.join('..', '..', 'packages', name), path.join(dir, 'node_modules', '@ws', name), 'dir');
  }
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\nlib\n*.tsbuildinfo\n');
  edit?.(dir);
  commitAsBase(dir);
  return dir;
}

/** Run the CLI in `cwd` (in-process). */
const cli = (cwd: string, args: string[]) => runCli(args, cwd);

/** `tsc -b` from the workspace root (throws with tsc's output when the build fails). */
function buildWorkspace(dir: string): void {
  try {
    execFileSync(process.execPath, [TSC, '-b'], { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`tsc -b failed in ${dir}:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
}

/** Back to the base commit: sources, built lib/ folders and build info. */
function reset(dir: string): void {
  execFileSync('git', ['checkout', '-q', '.'], { cwd: dir });
  execFileSync('git', ['clean', '-qfdX', 'packages'], { cwd: dir });
}

interface IndexJson {
  batches: { name: string; file: string | null; report: string; changesets: string[]; files: string[]; exportedApi: string[]; notApplied: unknown[] }[];
}
interface ChangeSetJson {
  id: string;
  files: string[];
  exportedApi: string[];
}

/** `split --by package` into a folder beside `dir`; returns the folder and index.json. */
async function split(dir: string, extra: string[] = []): Promise<{ out: string; index: IndexJson }> {
  const out = `${dir}-out`;
  tempDirs.push(out);
  const run = await cli(dir, ['split', '.', '--by', 'package', '--out', out, ...extra]);
  expect(run.stderr).not.toMatch(/async-migrate: /);
  expect(run.code).toBe(0);
  return { out, index: JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as IndexJson };
}

describe('a workspace of private packages', () => {
  let dir: string;
  let sets: ChangeSetJson[];

  beforeAll(async () => {
    dir = gitCopy(true);
    const listed = await cli(dir, ['plan', '.', '--changesets', '--json']);
    sets = (JSON.parse(listed.stdout) as { changesets: ChangeSetJson[] }).changesets;
  });

  it('plans across the packages: imports by package name resolve to the sources', () => {
    expect(sets.map((s) => s.files).sort()).toEqual([
      ['packages/app-c/src/banner.ts'],
      ['packages/app-c/src/main.ts', 'packages/core/src/settings.ts', 'packages/util-b/src/index.ts'],
      ['packages/core/src/cache.ts'],
      ['packages/util-b/src/index.ts'],
    ]);
    const across = sets.find((s) => s.files.length === 3);
    expect(across?.exportedApi).toEqual(['packages/app-c/src/main.ts:main', 'packages/core/src/settings.ts:readSettings', 'packages/util-b/src/index.ts:describeSettings']);
  });

  it('plans the same without node_modules links (a fresh checkout): the package.json entries map back to src/', async () => {
    const bare = gitCopy(false);
    const listed = await cli(bare, ['plan', '.', '--changesets', '--json']);
    const bareSets = (JSON.parse(listed.stdout) as { changesets: ChangeSetJson[] }).changesets;
    expect(bareSets.map((s) => [s.id, s.files])).toEqual(sets.map((s) => [s.id, s.files]));
  });

  it('splits by package in dependency order; each batch builds with tsc -b alone on the base and in order', async () => {
    buildWorkspace(dir);
    reset(dir);
    const { out, index } = await split(dir);
    expect(index.batches.map((b) => b.name)).toEqual(['ws-core', 'ws-util-b', 'ws-app-c']);
    const across = sets.find((s) => s.files.length === 3) as ChangeSetJson;
    expect(index.batches[0].changesets).toContain(across.id);
    expect(index.batches.every((b) => b.notApplied.length === 0 && b.file !== null)).toBe(true);

    const description = fs.readFileSync(path.join(out, index.batches[0].report), 'utf8');
    expect(description).toMatch(/### Exported API that changes for the packages after this batch/);
    expect(description).toMatch(/\| `readSettings` — `packages\/core\/src\/settings\.ts` \| `@ws\/core` \| `@ws\/util-b` \(batch 02\), `@ws\/app-c` \(batch 03\) \|/);
    expect(description).toMatch(/\| `describeSettings` — `packages\/util-b\/src\/index\.ts` \| `@ws\/util-b` \| `@ws\/app-c` \(batch 03\) \|/);
    expect(description.indexOf('### Exported API that changes for the packages after')).toBeLessThan(description.lastIndexOf('<sub>'));

    // Alone on the base: the batch's change sets and nothing else (its patch is cut on top of the earlier ones).
    for (const batch of index.batches) {
      const alone = await cli(dir, ['run', '.', '--write', ...batch.changesets.flatMap((id) => ['--changeset', id])]);
      expect(alone.code).toBe(0);
      expect(execFileSync('git', ['diff', '--name-only'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').sort()).toEqual(batch.files);
      buildWorkspace(dir);
      reset(dir);
    }
    for (const batch of index.batches) {
      execFileSync('git', ['apply', path.join(out, batch.file as string)], { cwd: dir, stdio: 'pipe' });
      buildWorkspace(dir);
    }
    expect(fs.readFileSync(path.join(dir, 'packages/util-b/src/index.ts'), 'utf8')).toMatch(/const settings = await readSettings\(file\);/);
    expect(fs.readFileSync(path.join(dir, 'packages/app-c/src/main.ts'), 'utf8')).toMatch(/export async function main\(argv: string\[\]\): Promise<void> \{\n {2}console\.log\(await describeSettings/);
  });
});

describe('a workspace whose core package is published', () => {
  const publish = (dir: string) => {
    const file = path.join(dir, 'packages', 'core', 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete manifest.private;
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  };

  it('keeps the published package\'s API sync (AM330) and migrates the private ones, batches building in order', async () => {
    const dir = gitCopy(true, publish);
    const planned = await cli(dir, ['plan', '.', '--json']);
    const plan = JSON.parse(planned.stdout) as { publicApi: { mode: string; reason: string }; files: Record<string, { blocked: { code: string; message: string }[] }> };
    expect(plan.publicApi.mode).toBe('keep');
    expect(plan.publicApi.reason).toMatch(/published packages keep their API \(@ws\/core\); private packages change with their dependents \(@ws\/app-c, @ws\/util-b\)/);
    expect(plan.files['packages/core/src/settings.ts'].blocked.map((b) => b.code)).toEqual(['AM330']);
    expect(plan.files['packages/core/src/settings.ts'].blocked[0].message).toMatch(/readSettings is exported by the package entry packages\/core\/src\/index\.ts of the published workspace package @ws\/core/);
    expect(plan.files['packages/core/src/cache.ts'].blocked.map((b) => b.code)).toEqual(['AM330']);

    const { out, index } = await split(dir);
    expect(index.batches.map((b) => [b.name, b.files])).toEqual([
      ['ws-util-b', ['packages/util-b/src/index.ts']],
      ['ws-app-c', ['packages/app-c/src/banner.ts']],
    ]);
    for (const batch of index.batches) {
      execFileSync('git', ['apply', path.join(out, batch.file as string)], { cwd: dir, stdio: 'pipe' });
      buildWorkspace(dir);
    }
    expect(fs.readFileSync(path.join(dir, 'packages/util-b/src/index.ts'), 'utf8')).toMatch(/const settings = readSettings\(file\);/);
  });

  it('with --public-api change, the published package changes with its dependents', async () => {
    const dir = gitCopy(true, publish);
    const { index } = await split(dir, ['--public-api', 'change']);
    expect(index.batches.map((b) => b.name)).toEqual(['ws-core', 'ws-util-b', 'ws-app-c']);
    expect(index.batches[0].files).toContain('packages/app-c/src/main.ts');
  });
});
