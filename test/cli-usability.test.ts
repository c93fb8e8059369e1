/**
 * The CLI's first-hour usability (issue 15 item 7): the message without a command, did-you-mean for
 * unknown commands, options and config keys, the config file (async-migrate.config.json or the
 * package.json key, flags override it), `--quiet`, `schemaVersion` in every JSON output, the
 * "written to" lines, the capped exported-API list, and collapse-delegation's refusals listed apart
 * from the sites left alone (issue 11 item 9), a broken tsconfig named with its line and column. The
 * CLI runs in-process through `main()`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/index';
import type { OutputStream } from '../src/cli/context';
import { closestMatch, editDistance } from '../src/cli/suggest';

jest.setTimeout(120_000);

const temps: string[] = [];
afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

/** A temporary folder with `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-usability-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

class Capture implements OutputStream {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { cwd, stdout, stderr, env: { NO_COLOR: '1' } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const SYNC_IN_ASYNC = "const fs = require('fs');\n\nasync function load(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n\nmodule.exports = { load };\n";

describe('did-you-mean', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('wirte', 'write')).toBe(1);
    expect(editDistance('plan', 'plan')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('suggests only close names', () => {
    expect(closestMatch('rnu', ['run', 'plan', 'list', 'audit'])).toBe('run');
    expect(closestMatch('auidt', ['run', 'plan', 'list', 'audit'])).toBe('audit');
    expect(closestMatch('frobnicate', ['run', 'plan', 'list', 'audit'])).toBeUndefined();
    expect(closestMatch('allow', ['allow-dirty', 'allow-callbacks', 'write'])).toBeUndefined();
    expect(closestMatch('allow-d', ['allow-dirty', 'allow-callbacks', 'write'])).toBe('allow-dirty');
  });
});

describe('commands and options', () => {
  it('names every command when none is given (exit 2)', async () => {
    const r = await cli(project({}));
    expect(r.code).toBe(2);
    const named = /Name a command: (.+)\./.exec(r.stderr)?.[1] ?? '';
    for (const name of ['run', 'plan', 'list', 'audit']) {
      expect(named.split(/, | or /)).toContain(name);
      expect(r.stderr).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  it('suggests the command meant (exit 2)', async () => {
    const r = await cli(project({}), 'rnu');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "rnu" (did you mean run?)');
    const far = await cli(project({}), 'frobnicate');
    expect(far.code).toBe(2);
    const listed = /unknown command "frobnicate"; the commands are (.+)\n/.exec(far.stderr)?.[1] ?? '';
    for (const name of ['run', 'plan', 'list', 'audit']) expect(listed.split(/, | or /)).toContain(name);
  });

  it('suggests the option meant (exit 2)', async () => {
    const dir = project({ 'a.js': SYNC_IN_ASYNC });
    const r = await cli(dir, 'run', '--wirte', '-t', 'fs-promises');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --wirte (did you mean --write?)');
    const list = await cli(dir, 'list', '--jsno');
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('unknown option --jsno (did you mean --json?)');
  });
});

describe('config file', () => {
  it('reads async-migrate.config.json from a parent folder; flags override it', async () => {
    const dir = project({ 'async-migrate.config.json': '{ "ignore": ["skip/**"], "transform": "fs-promises", "json": true }\n', 'app/a.js': SYNC_IN_ASYNC, 'app/skip/b.js': SYNC_IN_ASYNC });
    const cwd = path.join(dir, 'app');
    const r = await cli(cwd, 'run');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['a.js']);
    const flags = await cli(cwd, 'run', '--no-json');
    expect(flags.stdout).toMatch(/^diff --git a\/a\.js b\/a\.js/);
  });

  it('reads the "async-migrate" key of the nearest package.json', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', 'async-migrate': { fsModules: ['graceful-fs'], quiet: true } }), 'a.js': SYNC_IN_ASYNC.replace("require('fs')", "require('graceful-fs')") });
    const r = await cli(dir, 'run', '-t', 'fs-promises');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+  return await fs.promises.readFile(p, \'utf8\');');
    expect(r.stderr).toBe('');
  });

  it('names the file and the option for an unknown key, with a did-you-mean (exit 2)', async () => {
    const dir = project({ 'async-migrate.config.json': '{ "ignroe": ["x"] }', 'a.js': SYNC_IN_ASYNC });
    const r = await cli(dir, 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('async-migrate: async-migrate.config.json: unknown option "ignroe" (did you mean "ignore"?)\n');
  });

  it('names the file and the option for a value of the wrong type (exit 2)', async () => {
    const dir = project({ 'package.json': JSON.stringify({ 'async-migrate': { jobs: '4' } }), 'a.js': SYNC_IN_ASYNC });
    const r = await cli(dir, 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('async-migrate: package.json "async-migrate": option "jobs" must be a number, not "4"\n');
    const choice = project({ 'async-migrate.config.json': '{ "transform": "fs-promise" }' });
    expect((await cli(choice, 'run')).stderr).toMatch(/option "transform" must be "propagate-async", "fs-promises", .* not "fs-promise"/);
    const notJson = project({ 'async-migrate.config.json': '{ "ignore": ' });
    expect((await cli(notJson, 'run')).stderr).toMatch(/^async-migrate: async-migrate\.config\.json: not valid JSON/);
    const help = await cli(notJson, 'run', '--help');
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
  });

  it('skips the options of other commands, and refuses two configs in one folder', async () => {
    const dir = project({ 'async-migrate.config.json': '{ "failOn": "high", "transform": ["fs-promises"] }', 'a.js': SYNC_IN_ASYNC });
    expect((await cli(dir, 'run')).code).toBe(0);
    const both = project({ 'async-migrate.config.json': '{}', 'package.json': '{ "async-migrate": {} }' });
    const r = await cli(both, 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('async-migrate.config.json and package.json "async-migrate" both hold async-migrate options');
  });

  it('reads the file named by --config instead', async () => {
    const dir = project({ 'conf/am.json': '{ "json": true, "transform": "fs-promises" }', 'a.js': SYNC_IN_ASYNC });
    const r = await cli(dir, 'run', '--config', 'conf/am.json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect((await cli(dir, 'run', '--config', 'nope.json')).stderr).toContain('--config nope.json: no such file');
  });
});

/** collapse-delegation refuses `get` (AM501: load may throw before its promise exists); `a.js` has a sync call in async code. */
const REFUSED_WRAPPER = "function load(id) {\n  if (typeof id !== 'string') throw new TypeError('id');\n  return Promise.resolve({ id });\n}\n\nasync function get(id) {\n  return await load(id);\n}\n\nmodule.exports = { get };\n";

describe('output', () => {
  it('prints schemaVersion in every JSON output', async () => {
    const dir = project({ 'a.js': SYNC_IN_ASYNC });
    const run = JSON.parse((await cli(dir, 'run', '--json', '-t', 'fs-promises')).stdout);
    expect(run.schemaVersion).toBe(1);
    expect(run).not.toHaveProperty('version');
    const list = JSON.parse((await cli(dir, 'list', '--json')).stdout);
    expect(list.schemaVersion).toBe(1);
    expect(list.transforms.map((t: { name: string }) => t.name)).toContain('fs-promises');
    const plan = JSON.parse((await cli(dir, 'plan', '--json')).stdout);
    expect(plan.schemaVersion).toBe(1);
    expect(plan).not.toHaveProperty('version');
    const audit = JSON.parse((await cli(dir, 'audit', '--format', 'json', '--no-fixes')).stdout);
    expect(audit.schemaVersion).toBe(1);
    const changesets = JSON.parse((await cli(dir, 'plan', '--changesets', '--json')).stdout);
    expect(changesets.schemaVersion).toBe(1);
    expect((await cli(dir, 'run', '-t', 'fs-promises', '--report', 'r.json')).code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report).not.toHaveProperty('version');
    // (split's index.json: test/split.test.ts)
  });

  it('--plan reads back what plan --json printed', async () => {
    const dir = project({ 'a.js': "const fs = require('fs');\n\nfunction read(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n\nasync function main() {\n  return read('x');\n}\n\nmodule.exports = { main };\n" });
    fs.writeFileSync(path.join(dir, 'plan.json'), (await cli(dir, 'plan', '--json', 'a.js')).stdout);
    // (--plan resolves against the process's directory, not main()'s cwd: give it absolute)
    const r = await cli(dir, 'run', 'a.js', '--plan', path.join(dir, 'plan.json'), '-t', 'propagate-async');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+async function read(p) {');
  });

  it('--plan refuses a plan that names a reason code this version lacks', async () => {
    const { readPlan } = await import('../src/core/read-plan');
    const dir = project({});
    const blocked = { file: 'a.js', line: 3, column: 1, code: 'AM399', message: 'x', subject: 'readFileSync', chain: [] };
    const file = path.join(dir, 'old-plan.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, files: { 'a.js': { functions: [], callSites: [], blocked: [blocked] } } }));
    expect(() => readPlan(file)).toThrow(/unknown reason code AM399 at a\.js:3/);
    const good = path.join(dir, 'plan.json');
    fs.writeFileSync(good, JSON.stringify({ version: 1, files: { 'a.js': { functions: [], callSites: [], blocked: [{ ...blocked, code: 'AM101' }] } } }));
    expect(readPlan(good)?.version).toBe(1);
  });

  it('names the files --diff and --report wrote; --quiet prints only the diff asked for', async () => {
    const dir = project({ 'a.js': SYNC_IN_ASYNC });
    const r = await cli(dir, 'run', '-t', 'fs-promises', '--diff', 'm.patch', '--report', 'r.md');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^patch written to m\.patch\nreport written to r\.md\n$/m);
    expect(fs.existsSync(path.join(dir, 'r.md'))).toBe(true);
    const quiet = await cli(dir, 'run', '-t', 'fs-promises', '--diff', 'm.patch', '--quiet');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(fs.readFileSync(path.join(dir, 'm.patch'), 'utf8'));
    const audit = await cli(dir, 'audit', '--no-fixes', '-o', 'audit.md', '--format', 'markdown', '-q');
    expect(audit.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, 'audit.md'), 'utf8')).toContain('AM601');
  });

  it('--quiet still prints failures', async () => {
    const dir = project({ 'a.js': SYNC_IN_ASYNC, 'broken.js': "const fs = require('fs');\nfs.readFileSync(\n" });
    const r = await cli(dir, 'run', '-t', 'fs-promises', '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^failed: 1 file\n  broken\.js:\d+:\d+ AM901 /);
    expect(r.stderr).not.toContain('sites rewritten');
  });

  it('lists delegation wrappers not collapsed apart from the sites left alone', async () => {
    const dir = project({ 'a.js': "const fs = require('fs');\n\nfunction size(p) {\n  return fs.statSync(p).size;\n}\n\nmodule.exports = { size };\n", 'get.js': REFUSED_WRAPPER });
    const r = await cli(dir, 'run', '-t', 'fs-promises', '-t', 'collapse-delegation', '--report', 'r.md');
    expect(r.stderr).toContain('sites left alone: 1\n  AM106 ');
    expect(r.stderr).toMatch(/\ndelegation wrappers not collapsed: 1\n  AM501 [^\n]*\(1\)\n    get\.js:6:1 get\n/);
    const json = JSON.parse((await cli(dir, 'run', '-t', 'fs-promises', '-t', 'collapse-delegation', '--json')).stdout);
    expect(json.summary).toMatchObject({ sitesLeftAlone: 1, delegationsNotCollapsed: 1 });
    expect(json.files.find((f: { path: string }) => f.path === 'get.js').leftAlone).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'r.md'), 'utf8');
    expect(md).toContain('### Left alone (1)');
    expect(md).toMatch(/### Delegation wrappers not collapsed \(1\)[\s\S]*`get\.js:6:1` \| AM501/);
  });
});

describe('a broken tsconfig', () => {
  // a missing comma after line 3: TypeScript reports it at 4:5
  const files = {
    'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n    "target": "es2022"\n  }\n}\n',
    'src/a.ts': "import * as fs from 'fs';\n\nfunction read(p: string): string {\n  return fs.readFileSync(p, 'utf8');\n}\n\nexport async function main(): Promise<number> {\n  return read('x').length;\n}\n",
  };

  it('is named with line and column by run (AM346) and by plan; its file is left as it is', async () => {
    const dir = project(files);
    const run = await cli(dir, 'run', 'src', '--json');
    const json = JSON.parse(run.stdout) as { files: { path: string; status: string }[]; findings: { code: string; file: string; line: number; column: number; message: string }[] };
    const broken = json.findings.filter((f) => f.code === 'AM346');
    expect(broken.find((f) => f.file === 'tsconfig.json')).toMatchObject({ line: 4, column: 5, message: expect.stringMatching(/^tsconfig\.json:4:5: ',' expected\..*src\/a\.ts/) });
    expect(broken.find((f) => f.file === 'src/a.ts')?.message).toContain('tsconfig tsconfig.json:4:5 cannot be used');
    expect(json.files).toEqual([expect.objectContaining({ path: 'src/a.ts', status: 'unchanged' })]);
    const plan = await cli(dir, 'plan', 'src');
    expect(plan.stderr).toMatch(/AM346 tsconfig\.json:4:5: ',' expected\./);
    expect(plan.stdout).toMatch(/src\/a\.ts:4:10 AM346 readFileSync stays sync: the file's tsconfig tsconfig\.json:4:5 cannot be used/);
  });
});

describe('exported-API list in the summary', () => {
  it('is sorted by location and capped, with the count of the rest', async () => {
    const { formatSummary } = await import('../src/report/summary');
    const { colorsFor } = await import('../src/report/colors');
    const { LIST_CAP } = await import('../src/report/lists');
    const changes = Array.from({ length: LIST_CAP + 5 }, (_, i) => ({ file: i % 2 ? 'src/b.ts' : 'src/a.ts', line: 100 - i, column: 1, name: `f${i}` }));
    const result = { files: [], findings: [], prepared: { plan: { apiChanges: changes, apiKept: [] } } } as unknown as import('../src/engine/pipeline').PipelineResult;
    const lines = formatSummary(result, {}, colorsFor(false)).split('\n');
    const start = lines.indexOf(`exported signatures that change: ${LIST_CAP + 5}`);
    expect(start).toBeGreaterThanOrEqual(0);
    const shown = lines.slice(start + 1, start + 1 + LIST_CAP);
    const sorted = [...changes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)).slice(0, LIST_CAP);
    expect(shown).toEqual(sorted.map((c) => `  ${c.file}:${c.line}:1 ${c.name}() now returns a promise`));
    expect(lines[start + 1 + LIST_CAP]).toBe('  … and 5 more');
  });
});
