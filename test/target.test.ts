/**
 * src/plan/target.ts and src/plan/public-api.ts: the Node.js target and the --public-api default are
 * read from the project (package.json, tsconfig), recorded in the plan with the reason, and the
 * option overrides them.
 */
import * as os from 'os';
import * as path from 'path';
import { ts } from 'ts-morph';
import { chooseTarget, lowestAllowedVersion, OLDEST_MAINTAINED_LTS } from '../src/plan/target';
import { choosePublicApi } from '../src/plan/public-api';
import { planProject } from '../src/plan/plan-project';
import { formatPlanText } from '../src/plan/format-plan';
import { parseNodeTarget, statHonoursThrowIfNoEntry } from '../src/core/node-target';

// A folder with no package.json above it (the target falls through to tsconfig and the default).
const ROOT = path.join(os.tmpdir(), `hf-target-${process.pid}`, 'project');
const withManifest = (manifest: object) => new Map([[path.join(ROOT, 'package.json'), JSON.stringify(manifest)]]);

describe('lowestAllowedVersion', () => {
  test.each([
    ['>=22', { major: 22, minor: 0 }],
    ['>=20.11.0', { major: 20, minor: 11 }],
    ['^20.11 || >=22', { major: 20, minor: 11 }],
    ['>21', { major: 22, minor: 0 }],
    ['>=25.7 <27', { major: 25, minor: 7 }],
    ['22.x', { major: 22, minor: 0 }],
    ['20 - 24', { major: 20, minor: 0 }],
    ['*', undefined],
    ['<24', undefined],
    ['latest', undefined],
  ])('%s', (range, expected) => expect(lowestAllowedVersion(range)).toEqual(expected));
});

describe('chooseTarget', () => {
  test('--target wins, then engines.node, then the tsconfig lib/target, then the oldest maintained LTS', () => {
    const es2022 = { target: ts.ScriptTarget.ES2022 };
    expect(chooseTarget('node24', withManifest({ engines: { node: '>=20' } }), ROOT, es2022)).toMatchObject({ name: 'node24', reason: '--target node24' });
    expect(chooseTarget(undefined, withManifest({ engines: { node: '>=22' } }), ROOT, es2022)).toMatchObject({ name: 'node22', reason: 'package.json engines.node ">=22"' });
    expect(chooseTarget(undefined, withManifest({ name: 'x' }), ROOT, { lib: ['lib.es2024.d.ts'] })).toMatchObject({ name: 'node22', reason: 'tsconfig lib es2024' });
    expect(chooseTarget(undefined, withManifest({ name: 'x' }), ROOT, es2022)).toMatchObject({ name: 'node20', reason: 'tsconfig target ES2022' });
    expect(chooseTarget(undefined, withManifest({ name: 'x' }), ROOT, {})).toMatchObject({ name: `node${OLDEST_MAINTAINED_LTS}`, major: 22 });
  });

  test('a target that is not a Node.js version is a usage error', () => {
    expect(() => chooseTarget('es2022', new Map(), ROOT, {})).toThrow(/--target must be a Node.js version/);
  });

  test('the promise stat honours throwIfNoEntry from Node.js 25.7', () => {
    expect(['node24', 'node25', 'node25.7', 'node26'].map((t) => statHonoursThrowIfNoEntry(parseNodeTarget(t)!))).toEqual([false, false, true, true]);
  });
});

describe('choosePublicApi', () => {
  test('keep for a published package, change for an application, the option overrides', () => {
    expect(choosePublicApi(undefined, withManifest({ name: 'lib', main: 'dist/index.js' }), ROOT)).toMatchObject({ mode: 'keep' });
    expect(choosePublicApi(undefined, withManifest({ name: 'lib', exports: { '.': './index.js' }, private: true }), ROOT)).toMatchObject({ mode: 'change', reason: expect.stringContaining('private') });
    expect(choosePublicApi(undefined, withManifest({ name: 'cli', bin: { x: 'bin/x' } }), ROOT)).toMatchObject({ mode: 'change', reason: expect.stringContaining('only bin') });
    expect(choosePublicApi('change', withManifest({ name: 'lib', main: 'index.js' }), ROOT)).toEqual({ mode: 'change', reason: '--public-api change' });
  });
});

describe('the plan records the target and the public API default, with the reason', () => {
  const texts = new Map([
    [path.join(ROOT, 'package.json'), JSON.stringify({ name: 'lib', version: '1.0.0', main: 'index.js', engines: { node: '>=24' } })],
    [path.join(ROOT, 'index.js'), "const fs = require('fs');\nfunction load(file) {\n  return fs.readFileSync(file, 'utf8');\n}\nmodule.exports = { load };\n"],
  ]);

  test('detected', () => {
    const plan = planProject(texts, { cwd: ROOT, noTsconfigSearch: true });
    expect(plan.target).toEqual({ name: 'node24', reason: 'package.json engines.node ">=24"' });
    expect(plan.publicApi).toEqual({ mode: 'keep', reason: 'a published package: package.json (lib) has main and is not private' });
    expect(plan.apiKept.map((a) => a.name)).toEqual(['load']);
    expect(formatPlanText(plan)).toContain('target: node24 (package.json engines.node ">=24")\npublic API: keep (');
  });

  test('no engines.node and no tsconfig: the oldest maintained LTS (the inferred config is not the project\'s)', () => {
    const app = new Map([...texts].map(([file, text]) => [file, file.endsWith('package.json') ? JSON.stringify({ name: 'app', private: true }) : text]));
    const plan = planProject(app, { cwd: ROOT, noTsconfigSearch: true });
    expect(plan.target).toEqual({ name: `node${OLDEST_MAINTAINED_LTS}`, reason: expect.stringContaining('oldest maintained Node.js LTS') });
    expect(plan.publicApi).toEqual({ mode: 'change', reason: 'an application: package.json (app) is private' });
    expect(plan.apiChanges.map((a) => a.name)).toEqual(['load']);
  });

  test('given', () => {
    const plan = planProject(texts, { cwd: ROOT, noTsconfigSearch: true, target: 'node22', publicApi: 'change' });
    expect(plan.target).toEqual({ name: 'node22', reason: '--target node22' });
    expect(plan.publicApi).toEqual({ mode: 'change', reason: '--public-api change' });
    expect(plan.apiKept).toEqual([]);
    expect(plan.apiChanges.map((a) => a.name)).toEqual(['load']);
  });
});
