/**
 * src/plan/sync-names.ts: APIs named `…Sync` are synchronous on purpose (AM332) unless named with --seed.
 */
import * as os from 'os';
import * as path from 'path';
import { isSyncName } from '../src/plan/sync-names';
import { planProject } from '../src/plan/plan-project';

const ROOT = path.join(os.tmpdir(), `hf-sync-names-${process.pid}`);

test.each([
  ['copySync', true],
  ['FileStoreSync', true],
  ['fsync', true],
  ['sync', true],
  ['loadAsync', false],
  ['readAsync', false],
  ['syncState', false],
  ['SyncStore', false],
])('isSyncName(%s) is %s', (name, expected) => expect(isSyncName(name)).toBe(expected));

describe('planProject', () => {
  const texts = new Map([
    [path.join(ROOT, 'package.json'), JSON.stringify({ name: 'app', private: true })],
    [path.join(ROOT, 'copy.js'), "const fs = require('fs');\nfunction copySync(from, to) {\n  fs.writeFileSync(to, fs.readFileSync(from));\n}\nfunction run() {\n  copySync('a', 'b');\n}\nmodule.exports = { run };\n"],
  ]);

  test('a function named *Sync stays sync, and so do its callees; its callers are not made async', () => {
    const plan = planProject(texts, { cwd: ROOT, noTsconfigSearch: true });
    expect(plan.files['copy.js'].asyncFunctions).toEqual([]);
    expect(plan.files['copy.js'].blocked.map((b) => [b.code, b.subject])).toEqual([
      ['AM332', 'writeFileSync'],
      ['AM332', 'readFileSync'],
    ]);
  });

  test('--seed names it: it migrates like any function', () => {
    const plan = planProject(texts, { cwd: ROOT, noTsconfigSearch: true, seeds: ['copy.js:copySync'] });
    expect(plan.files['copy.js'].asyncFunctions.map((f) => f.name)).toEqual(['copySync', 'run']);
    expect(plan.files['copy.js'].blocked).toEqual([]);
  });
});

describe('functions assigned to a property, and the callbacks inside them', () => {
  const texts = new Map([
    [path.join(ROOT, 'package.json'), JSON.stringify({ name: 'app', private: true })],
    [
      path.join(ROOT, 'common.js'),
      [
        "const fs = require('fs');",
        'const common = exports;',
        'common.loadFilesSync = function (files) {',
        '  return files.map(function (file) {',
        "    return JSON.parse(fs.readFileSync(file, 'utf8'));",
        '  });',
        '};',
        'function Store(file) { this.file = file; }',
        'Store.prototype.saveSync = function (data) {',
        '  fs.writeFileSync(this.file, data);',
        '};',
        'common.Store = Store;',
        '',
      ].join('\n'),
    ],
  ]);

  test('X.prototype.saveSync = function and an array callback inside loadFilesSync are AM332, with the name that holds', () => {
    const plan = planProject(texts, { cwd: ROOT, noTsconfigSearch: true });
    const blocked = plan.files['common.js'].blocked;
    expect(blocked.map((b) => [b.code, b.subject])).toEqual([
      ['AM332', 'readFileSync'],
      ['AM332', 'writeFileSync'],
    ]);
    expect(blocked[0].message).toContain('runs inside common.loadFilesSync, which is synchronous on purpose (named loadFilesSync)');
    expect(blocked[1].message).toContain('synchronous on purpose (named saveSync)');
  });
});
