/**
 * End to end on the bundled example (examples/inventory): a copy is migrated by the full pipeline
 * (propagate-async's plan, then every transform), written to a temporary folder, and then
 * - type-checks with its own tsconfig (no diagnostics),
 * - its own jest suite passes,
 * - the sync fs calls left are exactly the sites reported as left alone,
 * - a second run changes nothing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { FileMap } from '../src/engine/filemap';
import { runPipeline } from '../src/engine/pipeline';
import { TRANSFORMS } from '../src/engine/registry';
import { SOURCE_EXTENSIONS } from '../src/core/parser';

const REPO = path.join(__dirname, '..');
const EXAMPLE = path.join(REPO, 'examples', 'inventory');

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) copyDir(path.join(from, entry.name), path.join(to, entry.name));
    else fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}

function listSources(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full, base);
    return SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

describe('propagate-async on the bundled example', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-example-'));
    copyDir(EXAMPLE, dir);
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('migrated copy type-checks, passes its own tests, and keeps exactly the reported sync calls', async () => {
    const fileMap = new FileMap(dir);
    for (const p of listSources(dir)) fileMap.add(p, fs.readFileSync(path.join(dir, p), 'utf8'));
    const result = await runPipeline(fileMap, { transforms: TRANSFORMS, transformOptions: {} });
    expect(result.files.filter((f) => f.status === 'failed')).toEqual([]);
    expect(fileMap.changedPaths().length).toBeGreaterThan(0);
    for (const p of fileMap.changedPaths()) fs.writeFileSync(path.join(dir, p), fileMap.getOrThrow(p));

    // Type check with the example's own tsconfig.
    const configPath = path.join(dir, 'tsconfig.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dir);
    const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);

    // The sync fs calls left are the reported ones (by file and callee; lines moved in the rewrite).
    const left = result.findings.filter((f) => f.kind === 'left-alone' && f.subject && /Sync$/.test(f.subject)).map((f) => `${f.file} ${f.subject}`);
    const remaining: string[] = [];
    for (const p of fileMap.paths()) {
      for (const line of fileMap.getOrThrow(p).split('\n')) {
        if (/^\s*(import|\/\/|\*)/.test(line)) continue;
        for (const m of line.matchAll(/\b([a-z]\w*Sync)\(/g)) remaining.push(`${p} ${m[1]}`);
      }
    }
    expect(remaining.sort()).toEqual(left.sort());

    // A second run over the migrated copy changes nothing.
    const again = new FileMap(dir);
    for (const p of listSources(dir)) again.add(p, fs.readFileSync(path.join(dir, p), 'utf8'));
    const second = await runPipeline(again, { transforms: TRANSFORMS, transformOptions: {} });
    expect(second.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([]);

    // The example's own test suite passes on the migrated copy.
    const jestConfig = {
      rootDir: dir,
      testEnvironment: 'node',
      testMatch: ['**/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: configPath }] },
    };
    const run = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(jestConfig), '--ci'], { cwd: dir, encoding: 'utf8' });
    expect({ status: run.status, output: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, output: '' });
    expect(Number(/Tests:\s+(\d+) passed/.exec(run.stderr)?.[1] ?? 0)).toBeGreaterThan(0);
  }, 180000);
});
