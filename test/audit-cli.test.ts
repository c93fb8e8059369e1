/**
 * `async-migrate audit` through the CLI (in-process, on temporary copies of the audit fixtures):
 * formats, -o, CI gates and their exit codes, --baseline, and a file that does not parse.
 */
import * as fs from 'fs';
import * as path from 'path';
import { copyToTemp, runCli, sarifSchemaErrors } from './helpers/report-checks';

const FIXTURES = path.join(__dirname, '__fixtures__', 'audit');
const copy = (name: string) => copyToTemp(path.join(FIXTURES, name));

test('text report: summary with the score, findings grouped by severity and file', async () => {
  const dir = copy('reachable-through-call-chain');
  const { stdout, code } = await runCli(['audit', 'src'], dir);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^async-migrate audit: 3 files, \d+ findings \(high 2, (medium \d+, )?low 1\)\n/);
  expect(stdout).toContain('async score: 33.3% — 1 of 3 I/O call sites on async paths are non-blocking');
  expect(stdout).toContain('fs: 3 call sites, 1 non-blocking (33.3%)');
  expect(stdout).toContain('src: 2 call sites, 0 non-blocking (0%)');
  expect(stdout.indexOf('HIGH (2)')).toBeLessThan(stdout.indexOf('LOW (1)'));
  expect(stdout).toContain('handle (src/server.ts:5) → loadSettings (src/settings.ts:12) → readSettingsFile');
});

test('--fail-under and --fail-on exit 1 only when the gate fails', async () => {
  const dir = copy('reachable-through-call-chain');
  const under = await runCli(['audit', '.', '--fail-under', '50'], dir);
  expect(under.code).toBe(1);
  expect(under.stderr).toContain('async score 33.3% is below --fail-under 50%');
  expect((await runCli(['audit', '.', '--fail-under', '30'], dir)).code).toBe(0);
  const high = await runCli(['audit', '.', '--fail-on', 'high'], dir);
  expect(high.code).toBe(1);
  expect(high.stderr).toContain('2 findings at severity high or worse');
  expect((await runCli(['audit', '.', '--fail-on', 'critical'], dir)).code).toBe(0);
  expect((await runCli(['audit', '.', '--fail-under', '150'], dir)).code).toBe(2);
  expect((await runCli(['audit', '.', '--fail-on', 'severe'], dir)).code).toBe(2);
});

test('--format json -o saves a baseline; --baseline prints the change', async () => {
  const dir = copy('reachable-through-call-chain');
  const saved = await runCli(['audit', '.', '--format', 'json', '-o', 'baseline.json'], dir);
  expect(saved.code).toBe(0);
  expect(saved.stdout).toBe('');
  expect(saved.stderr).toContain('json report written to baseline.json');
  // a team migrates readSettingsFile by hand
  const settings = path.join(dir, 'src', 'settings.ts');
  fs.writeFileSync(
    settings,
    fs.readFileSync(settings, 'utf8').replace("import { readFileSync, existsSync } from 'fs';", "import { existsSync } from 'fs';\nimport { readFile } from 'fs/promises';")
      .replace("function readSettingsFile(path: string): string {\n  return existsSync(path) ? readFileSync(path, 'utf8') : '{}';", "async function readSettingsFile(path: string): Promise<string> {\n  return existsSync(path) ? await readFile(path, 'utf8') : '{}';"),
  );
  const { stdout, code } = await runCli(['audit', '.', '--baseline', 'baseline.json'], dir);
  expect(code).toBe(0);
  expect(stdout).toContain('since the baseline:');
  // existsSync now sits inside the async function: 2 of 3 sites are non-blocking
  expect(stdout).toContain('score: 33.3% → 66.7% (+33.3 points)');
  expect(stdout).toContain('findings: critical 0 → 1, high 2 → 0; 1 new, 2 fixed');
  expect(stdout).toContain('folder src: 0% → 50%');
});

test('an unreadable or foreign baseline is a usage error', async () => {
  const dir = copy('top-level-blocking');
  expect((await runCli(['audit', '.', '--baseline', 'missing.json'], dir)).code).toBe(2);
  fs.writeFileSync(path.join(dir, 'other.json'), '{"version": 1}');
  const foreign = await runCli(['audit', '.', '--baseline', 'other.json'], dir);
  expect(foreign.code).toBe(2);
  expect(foreign.stderr).toContain('not an async-migrate audit result');
});

test('--format sarif -o writes a valid SARIF log; --format markdown prints Markdown', async () => {
  const dir = copy('floating-promises');
  expect((await runCli(['audit', '.', '--format', 'sarif', '-o', 'audit.sarif'], dir)).code).toBe(0);
  const log = JSON.parse(fs.readFileSync(path.join(dir, 'audit.sarif'), 'utf8'));
  expect(sarifSchemaErrors(log)).toEqual([]);
  expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['AM604', 'AM604', 'AM605', 'AM605', 'AM606', 'AM606', 'AM606', 'AM606']);
  const md = await runCli(['audit', '.', '--format', 'markdown'], dir);
  expect(md.stdout.startsWith('# async-migrate audit\n')).toBe(true);
});

test('a file that does not parse is reported, the others are audited, exit 3', async () => {
  const dir = copy('top-level-blocking');
  fs.writeFileSync(path.join(dir, 'broken.js'), 'function (\n');
  const { stdout, code } = await runCli(['audit', '.'], dir);
  expect(code).toBe(3);
  expect(stdout).toContain('AM611  blocking call readFileSync() at module top level');
  expect(stdout).toMatch(/NOT AUDITED \(1\)\n  broken\.js:1: does not parse/);
});

test('--call-graph: the typed graph follows instance methods, the syntactic one does not', async () => {
  const dir = copy('reachable-through-instance-method');
  const typed = await runCli(['audit', '.', '--call-graph', 'typed'], dir);
  expect(typed.code).toBe(0);
  expect(typed.stdout).toContain('AM603  blocking call readFileSync() in synchronous FileStore.read, reached from async code: getDirect (api.ts:7) → FileStore.read');
  expect(typed.stdout).toContain('call graph: typed');
  const syntactic = await runCli(['audit', '.', '--call-graph', 'syntactic'], dir);
  expect(syntactic.stdout).toContain('AM613  blocking call readFileSync() in synchronous FileStore.read, not reached from async code');
  expect((await runCli(['audit', '.', '--call-graph', 'typed', '-p', 'missing/tsconfig.json'], dir)).code).toBe(2);
  const auto = await runCli(['audit', '.', '-p', 'missing/tsconfig.json'], dir);
  expect(auto.code).toBe(0);
  expect(auto.stdout).toMatch(/skipped: typed call graph: .*missing\/tsconfig\.json.*; used the syntactic call graph instead/);
});

test('the text report says what async-migrate run would do with the blocking calls', async () => {
  const dir = copy('blocking-call-in-async-function');
  const { stdout } = await runCli(['audit', 'handlers.ts'], dir);
  // fs.readFileSync (fs-promises), execSync and gunzipSync (blocking-apis) are rewritten directly; `read`
  // and pbkdf2Sync in map callbacks once propagation makes each callback async (its change set);
  // Atomics.wait on a shared flag is no sleep (AM716)
  expect(stdout).toContain('async-migrate run would rewrite 5 of the 6 blocking calls (2 change sets, 1 file would change); 1 needs a hand fix (AM716 ×1).');
  expect(stdout).toContain('async-migrate run rewrites these calls where they are (blocking-apis)');
  expect(stdout).not.toContain('up to');
});

test('the bundled example gets a prioritised report: critical before high, chains through its modules', async () => {
  const dir = path.join(__dirname, '..', 'examples', 'inventory');
  const { stdout, code } = await runCli(['audit', 'src'], dir);
  expect(code).toBe(0);
  const critical = stdout.indexOf('\nCRITICAL (');
  const high = stdout.indexOf('\nHIGH (');
  expect(critical).toBeGreaterThan(0);
  expect(high).toBeGreaterThan(critical);
  expect(stdout).toMatch(/AM603 {2}blocking call \S+\(\) in synchronous \S+, reached from async code: \S+ \(src\/[\w-]+\.ts:\d+\) → /);
  expect(stdout).toContain('call graph: typed');
});
