/**
 * The plan as data and as text: planProject on a fixture, JSON round trip, applying a saved plan
 * file the way `npx jscodeshift -t transforms/propagate-async.ts --plan plan.json` does, the text and
 * Mermaid renderings, and --seed / stale-plan handling.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyTransform, type TransformModule } from '../src/engine/apply';
import { formatPlanMermaid, formatPlanText } from '../src/plan/format-plan';
import { planProject } from '../src/plan/plan-project';
import { planDocument } from '../src/cli/plan';
import * as propagateAsync from '../transforms/propagate-async';

const CASE = path.join(__dirname, '..', 'testfixtures', 'propagate-async', 'call-chain-across-files');
const INPUT = path.join(CASE, 'input');
const transformModule = propagateAsync as unknown as TransformModule;

function texts(): Map<string, string> {
  return new Map(['src/config.ts', 'src/app.ts'].map((p) => [path.join(INPUT, p), fs.readFileSync(path.join(INPUT, p), 'utf8')] as const));
}

describe('propagate-async plan', () => {
  const plan = planProject(texts(), { cwd: INPUT });

  test('is plain JSON data with the chain of every entry', () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    const config = plan.files['src/config.ts'];
    expect(config.asyncFunctions.map((f) => f.name)).toEqual(['readRaw', 'loadConfig', 'configName']);
    expect(config.seedSites.map((s) => s.callee)).toEqual(['readFileSync']);
    const describeConfig = plan.files['src/app.ts'].asyncFunctions[0];
    expect(describeConfig.chain.map((s) => s.text)).toEqual(['describeConfig calls load()', 'loadConfig calls readRaw()', 'readRaw calls readFileSync']);
    expect(plan.apiChanges.map((a) => a.name).sort()).toEqual(['configName', 'describeConfig', 'loadConfig']);
  });

  test('a saved plan file is applied per file, as under the jscodeshift CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-plan-'));
    const planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const source = fs.readFileSync(path.join(INPUT, 'src/app.ts'), 'utf8');
    const result = applyTransform(transformModule, 'src/app.ts', source, { plan: planFile, planCwd: INPUT });
    expect(result.output).toBe(fs.readFileSync(path.join(CASE, 'output', 'src/app.ts'), 'utf8'));
    expect(result.findings.filter((f) => f.kind === 'rewritten').map((f) => f.code).sort()).toEqual(['AM301', 'AM302', 'AM302', 'AM303']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a stale plan changes nothing it cannot find and says so (AM331)', () => {
    const source = `// a new first line moves every offset\n${fs.readFileSync(path.join(INPUT, 'src/app.ts'), 'utf8')}`;
    const result = applyTransform(transformModule, 'src/app.ts', source, { plan, planCwd: INPUT });
    expect(result.output).toBeUndefined();
    expect(result.findings.map((f) => f.code)).toContain('AM331');
  });

  test('renders as text and as a Mermaid flowchart', () => {
    const text = formatPlanText(plan);
    expect(text).toContain('Functions that become async (4):');
    expect(text).toContain('src/app.ts:7:1 describeConfig: describeConfig calls load() (src/app.ts:9:21)');
    const mermaid = formatPlanMermaid(plan);
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toMatch(/n\d+\["readRaw"\]/);
    expect(mermaid).toMatch(/ --> /);
  });

  test('callers the run does not edit (on disk through the tsconfig) pin their callees (AM108)', () => {
    const onlyConfig = new Map([...texts()].filter(([file]) => file.endsWith('config.ts')));
    const partial = planProject(onlyConfig, { cwd: INPUT });
    expect(partial.files['src/app.ts']).toBeUndefined();
    const config = partial.files['src/config.ts'];
    expect(config.asyncFunctions).toEqual([]);
    expect(config.blocked.map((b) => b.code)).toEqual(['AM108']);
    expect(config.blocked[0].message).toMatch(/outside the files being migrated/);
  });

  test('`async-migrate plan` (the built executable) prints JSON that equals planProject, and Mermaid', () => {
    const bin = path.join(__dirname, '..', 'bin', 'async-migrate');
    const json = spawnSync(process.execPath, [bin, 'plan', 'src', '--json'], { cwd: INPUT, encoding: 'utf8' });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(planDocument(plan))));
    const mermaid = spawnSync(process.execPath, [bin, 'plan', 'src', '--format', 'mermaid'], { cwd: INPUT, encoding: 'utf8' });
    expect(mermaid.stdout).toBe(formatPlanMermaid(plan));
    const bad = spawnSync(process.execPath, [bin, 'plan', 'src', '--seed', 'src/app.ts:nope'], { cwd: INPUT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no function named nope in src/app.ts');
  }, 60000);

  test('--seed makes a named function async with its callers; a bad --seed is a usage error', () => {
    const map = new Map([[path.join(INPUT, 'src/pure.ts'), 'export function a() { return 1; }\nexport function b() { return a() + 1; }\n']]);
    const seeded = planProject(map, { cwd: INPUT, seeds: ['src/pure.ts:a'] });
    expect(seeded.files['src/pure.ts'].asyncFunctions.map((f) => f.name)).toEqual(['a', 'b']);
    expect(() => planProject(map, { cwd: INPUT, seeds: ['src/pure.ts:nope'] })).toThrow(/no function named nope/);
  });

  test('CommonJS exports are exported API that changes (module.exports = …, exports.f = …)', () => {
    const cjsInput = path.join(__dirname, '..', 'testfixtures', 'propagate-async', 'commonjs-exports-javascript', 'input');
    const cjsTexts = new Map(['lib/app.js', 'lib/config.js', 'lib/paths.js'].map((p) => [path.join(cjsInput, p), fs.readFileSync(path.join(cjsInput, p), 'utf8')] as const));
    const cjs = planProject(cjsTexts, { cwd: cjsInput });
    // `exports.loadConfig = loadConfig`, `exports.configName = function …`, `module.exports = { hasConfig }`.
    expect(cjs.apiChanges.map((a) => `${a.file}:${a.line} ${a.name}`).sort()).toEqual(['lib/config.js:10 exports.configName', 'lib/config.js:4 loadConfig', 'lib/paths.js:9 hasConfig']);
    // `module.exports = f` and object-literal methods and properties; a local helper is not exported.
    const dir = path.join(cjsInput, 'lib');
    const shapes = new Map([
      [path.join(dir, 'one.js'), "const fs = require('fs');\nfunction helper(f) { return fs.readFileSync(f, 'utf8'); }\nfunction readOne(f) { return helper(f); }\nmodule.exports = readOne;\n"],
      [path.join(dir, 'many.js'), "const fs = require('fs');\nmodule.exports = {\n  readA(f) { return fs.readFileSync(f, 'utf8'); },\n  readB: (f) => fs.readFileSync(f, 'utf8'),\n};\n"],
    ]);
    const shaped = planProject(shapes, { cwd: cjsInput });
    expect(shaped.apiChanges.map((a) => a.name).sort()).toEqual(['readA', 'readB', 'readOne']);
    expect(shaped.files['lib/one.js'].asyncFunctions.map((f) => f.name)).toEqual(['helper', 'readOne']);
  });
});
