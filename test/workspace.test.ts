/**
 * Monorepo workspaces (issue 14 item 4), the pieces without a CLI run: finding the workspace and its
 * packages (npm/yarn `workspaces`, yarn's `{ packages }`, pnpm-workspace.yaml), a package's entries
 * from package.json `exports`/`types`/`main`, built paths mapped back to sources through
 * rootDir/outDir, and the order of `split --by package` through packages that have no batch.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findWorkspace, packageOfSpecifier, parsePnpmWorkspaceYaml } from '../src/plan/workspace';
import { entryTargets, sourceOfBuilt } from '../src/plan/workspace-resolve';
import { groupBatches } from '../src/plan/batches';
import type { PlanChangeSet } from '../src/core/plan';

/** Temporary folders, removed when this file's tests are done. */
const tempDirs: string[] = [];
afterAll(() => tempDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A temp folder with `files` (relative path → text). */
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-wsu-')));
  tempDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const pkg = (json: object) => JSON.stringify(json);

describe('findWorkspace', () => {
  it('reads npm workspaces globs, skips folders without a named package.json and node_modules, and keeps workspace dependencies only', () => {
    const dir = tree({
      'package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*', 'tools/cli'] }),
      'packages/a/package.json': pkg({ name: '@x/a', main: 'lib/index.js' }),
      'packages/b/package.json': pkg({ name: '@x/b', private: true, main: 'lib/index.js', dependencies: { '@x/a': '1', lodash: '4' } }),
      'packages/unnamed/package.json': pkg({ version: '1.0.0' }),
      'packages/a/node_modules/dep/package.json': pkg({ name: 'dep' }),
      'tools/cli/package.json': pkg({ name: 'cli', bin: 'cli.js', devDependencies: { '@x/b': '1' } }),
    });
    const ws = findWorkspace(new Map(), path.join(dir, 'packages', 'b', 'src'));
    expect(ws?.root).toBe(dir);
    expect(ws?.source).toBe('package.json workspaces');
    expect(ws?.packages.map((p) => [p.name, p.published, p.dependsOn])).toEqual([
      ['@x/a', true, []],
      ['@x/b', false, ['@x/a']],
      ['cli', false, ['@x/b']],
    ]);
  });

  it('reads yarn\'s { packages } form and pnpm-workspace.yaml, with exclusions', () => {
    const yarn = tree({ 'package.json': pkg({ name: 'r', workspaces: { packages: ['libs/*'], nohoist: ['**/x'] } }), 'libs/one/package.json': pkg({ name: 'one' }) });
    expect(findWorkspace(new Map(), yarn)?.packages.map((p) => p.name)).toEqual(['one']);
    const pnpm = tree({
      'package.json': pkg({ name: 'r', private: true }),
      'pnpm-workspace.yaml': "# the packages\npackages:\n  - 'packages/*'\n  - \"!packages/skip\"   # not this one\ncatalog:\n  react: ^18\n",
      'packages/keep/package.json': pkg({ name: 'keep' }),
      'packages/skip/package.json': pkg({ name: 'skip' }),
    });
    const ws = findWorkspace(new Map(), pnpm);
    expect(ws?.source).toBe('pnpm-workspace.yaml');
    expect(ws?.packages.map((p) => p.name)).toEqual(['keep']);
  });

  it('parses the flow form of the pnpm packages list and finds no workspace where there is none', () => {
    expect(parsePnpmWorkspaceYaml('packages: [apps/*, "libs/**"]\n')).toEqual(['apps/*', 'libs/**']);
    expect(parsePnpmWorkspaceYaml('onlyBuiltDependencies:\n  - esbuild\n')).toEqual([]);
    expect(findWorkspace(new Map(), tree({ 'package.json': pkg({ name: 'app' }) }))).toBeUndefined();
  });

  it('names the package and subpath of an import specifier', () => {
    const dir = tree({ 'package.json': pkg({ workspaces: ['p/*'] }), 'p/a/package.json': pkg({ name: '@s/a' }), 'p/b/package.json': pkg({ name: 'b' }) });
    const ws = findWorkspace(new Map(), dir);
    if (!ws) throw new Error('no workspace');
    expect(packageOfSpecifier(ws, '@s/a')).toMatchObject({ pkg: { name: '@s/a' }, subpath: '.' });
    expect(packageOfSpecifier(ws, 'b/lib/x.js')).toMatchObject({ pkg: { name: 'b' }, subpath: './lib/x.js' });
    expect(packageOfSpecifier(ws, '@s/other')).toBeUndefined();
    expect(packageOfSpecifier(ws, './a')).toBeUndefined();
  });
});

describe('package entries mapped back to sources', () => {
  it('reads exports subpaths, patterns and conditions, then types/main, then index.js', () => {
    expect(entryTargets({ exports: { '.': { types: './lib/index.d.ts', import: './lib/index.js' }, './utils/*': './lib/utils/*.js' } }, '.')).toEqual(['./lib/index.d.ts', './lib/index.js']);
    expect(entryTargets({ exports: { './utils/*': './lib/utils/*.js' } }, './utils/fs')).toEqual(['./lib/utils/fs.js']);
    expect(entryTargets({ exports: './dist/main.js' }, '.')).toEqual(['./dist/main.js']);
    expect(entryTargets({ exports: './dist/main.js' }, './x')).toEqual([]);
    expect(entryTargets({ types: 'lib/a.d.ts', main: 'lib/a.js' }, '.')).toEqual(['lib/a.d.ts', 'lib/a.js', 'index.js']);
    expect(entryTargets({ main: 'lib/a.js' }, './lib/b.js')).toEqual(['./lib/b.js']);
  });

  it('maps a built path under outDir to the source under rootDir, .d.ts and .js to .ts, .mjs to .mts', () => {
    const files = new Set(['/w/p/src/index.ts', '/w/p/src/esm.mts', '/w/q/index.js']);
    const exists = (f: string) => files.has(f);
    const layout = { configDir: '/w/p', rootDir: '/w/p/src', outDir: '/w/p/lib' };
    expect(sourceOfBuilt('/w/p/lib/index.d.ts', layout, exists)).toBe('/w/p/src/index.ts');
    expect(sourceOfBuilt('/w/p/lib/index.js', layout, exists)).toBe('/w/p/src/index.ts');
    expect(sourceOfBuilt('/w/p/lib/esm.mjs', layout, exists)).toBe('/w/p/src/esm.mts');
    expect(sourceOfBuilt('/w/p/lib', layout, exists)).toBeUndefined();
    expect(sourceOfBuilt('/w/p/lib/missing.js', layout, exists)).toBeUndefined();
    // A JavaScript package without a build: its entry is its source.
    expect(sourceOfBuilt('/w/q/index.js', undefined, exists)).toBe('/w/q/index.js');
  });
});

describe('split --by package order through the workspace', () => {
  it('puts a package after one it depends on through a package that has no batch', () => {
    const dir = tree({
      'package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a-app/package.json': pkg({ name: 'a-app', dependencies: { 'm-mid': '*' } }),
      'packages/m-mid/package.json': pkg({ name: 'm-mid', dependencies: { 'z-core': '*' } }),
      'packages/z-core/package.json': pkg({ name: 'z-core' }),
    });
    const set = (id: string, file: string, exportedApi: string[] = []): PlanChangeSet => ({ id, label: id, seeds: [{ file, line: 1, column: 1, function: 'f', text: 'readFileSync' }], files: [file], functions: 1, callSites: 0, exportedApi });
    const batches = groupBatches([set('cs-1', 'packages/a-app/src/a.ts'), set('cs-2', 'packages/z-core/src/c.ts', ['packages/z-core/src/c.ts:read'])], { by: 'package', cwd: dir });
    expect(batches.map((b) => b.name)).toEqual(['z-core', 'a-app']);
    expect(batches[0].apiDependents).toEqual([{ api: 'packages/z-core/src/c.ts:read', package: 'z-core', dependents: ['a-app'] }]);
  });
});
