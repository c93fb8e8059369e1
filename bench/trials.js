#!/usr/bin/env node
/**
 * `npm run trials`: migrate real published packages that ship their own test suites, and check
 * that their tests still pass.
 *
 * For each trial (a pinned `name@version` and a recipe the lead verified by hand):
 *   1. fetch: `npm pack name@version` into a temporary folder outside the repository and extract it
 *      to `<trial>/repo/`; apply the recipe's edits (package.json, extra files);
 *   2. git: make `repo/` a git repository (local user.name/user.email, node_modules/ and
 *      package-lock.json excluded through .git/info/exclude), commit everything and tag it `pristine`;
 *   3. install: `npm install --ignore-scripts --no-audit --no-fund` plus the recipe's extra installs
 *      (`--no-save`, so package.json stays as committed).
 *   Steps 1–3 run once; `<trial>/.installed` records the recipe they ran with, and later runs reuse
 *   the folder while it matches (`git reset --hard pristine && git clean -fd` restores the sources).
 *   4. baseline: the recipe's test command; pass/fail counts and the set of failing test names;
 *   5. migrate: `node bin/async-migrate run . --write --json` (the built CLI in dist/); files
 *      changed, sites rewritten and left alone, exit code, wall time; the result is committed;
 *   6. after: the test command again;
 *   7. idempotence: the same migration again must change nothing (no file changed in its summary,
 *      `git status` the same before and after).
 * Prints one line per trial and exits 1 when a trial's tests got worse (fewer passing, more failing,
 * or a failing test that passed before), the second migration changed something, or the migration
 * failed (exit code 2 or 3). Exits 2 when npm or the registry is unreachable or dist/ is not built.
 *
 * Test output is read as TAP where the runner has it (mocha `--reporter tap`, `node --test
 * --test-reporter=tap`: failing tests are the `not ok` lines, named by their enclosing
 * `# Subtest:` path) and from the spec reporter for vows (`✗` lines; `N honored ∙ M broken`).
 *
 * Environment: TRIALS_DIR overrides the temporary folder ($TMPDIR/async-migrate-trials);
 * TRIALS (comma-separated package names, e.g. `nedb,nconf`) selects trials.
 * Every command runs with a timeout and is killed with its process group when it passes it.
 */
'use strict';

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'async-migrate');
const MINUTE = 60 * 1000;

/**
 * The trials. `spec`: the published package; `removeDevDependencies`: names dropped from its
 * package.json before installing (`'all'` for every one); `files`: files created in the package
 * folder; `installs`: argument lists of the `npm install` runs (the first `[]` installs what
 * package.json lists); `test`: the shell command and the parser of its output; `expect`: what the
 * lead measured by hand (printed next to the results, not asserted).
 */
const TRIALS = [
  {
    spec: 'standard-version@9.5.0',
    installs: [[], ['mock-fs@5']],
    // Its `npm test` is `nyc mocha …` (coverage) and a lint step: only mocha here.
    test: { command: 'npx mocha --timeout=30000 --reporter tap', parse: 'tap' },
    expect: '88 passing before and after; 5 files changed',
  },
  {
    spec: 'release-it@20.2.1',
    // Lint and docs tools only (one of them does not resolve).
    removeDevDependencies: ['remark-cli', 'remark-preset-webpro', 'knip', 'eslint', '@eslint/js', 'eslint-plugin-import-x', 'prettier', 'globals'],
    // Additions to the lead's recipe, so that every test runs: `.release-it.json` is not in the
    // tarball (without it test/config.js does not load and its 25 tests never run; `{}` passes
    // them), and the github/gitlab/tasks tests expect tokens (without them release-it falls back
    // to the web `releases/new?…` URL and 20 of them fail). Any value does: the APIs are mocked.
    files: { '.env.test': 'GITHUB_TOKEN=1\nGITLAB_TOKEN=1\n', '.release-it.json': '{}\n' },
    installs: [[]],
    test: { command: 'node --env-file=.env.test --test --test-reporter=tap', parse: 'tap' },
    expect: 'with an empty .env.test and no .release-it.json: 21 of 256 fail before and the same after',
  },
  {
    spec: 'nedb@1.8.0',
    // Its mocha 1.4 is too old for Node 20.
    installs: [[], ['mocha@10']],
    test: { command: 'npx mocha --reporter tap --timeout 10000', parse: 'tap' },
    expect: '330 passing; nothing changed (tests use done callbacks: AM114)',
  },
  {
    spec: 'nconf@0.13.0',
    // Its full devDependencies (release-it, nyc, coveralls, eslint) are heavy: only what the tests need.
    removeDevDependencies: 'all',
    installs: [['vows@0.8.3', 'nconf-yaml', 'async', 'ini', 'secure-keys', 'yargs@16']],
    test: { command: 'npx vows test/*-test.js test/**/*-test.js --spec', parse: 'vows' },
    expect: '104 honored; nothing changed (AM109/AM112 pins)',
  },
];

/** An error the user can fix (npm or the network missing, dist/ not built): exit 2 with its message. */
class EnvironmentError extends Error {}

/**
 * Run a command without a shell (or `sh -c` when `shell` is set), collecting its output.
 * @param {string} cmd program
 * @param {string[]} args arguments
 * @param {{cwd: string, timeoutMs: number, env?: object, shell?: boolean}} options
 * @returns {Promise<{code: number|null, signal: string|null, stdout: string, stderr: string, ms: number, timedOut: boolean}>}
 *   `code` is null when the process was killed (timeout); ENOENT (program missing) rejects.
 */
function runCommand(cmd, args, { cwd, timeoutMs, env, shell = false }) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = shell
      ? spawn('sh', ['-c', [cmd, ...args].join(' ')], { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    // Kill the whole process group: test runners leave children (servers, git) behind.
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new EnvironmentError(`${cmd} is not installed or not on PATH (${error.message})`) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Leftover grandchildren (a server a test forgot to close) would keep the group alive.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
      resolve({
        code, signal, timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
  });
}

/** Run a command that must succeed; throw with its stderr (and `what`) otherwise. */
async function mustRun(what, cmd, args, options) {
  const result = await runCommand(cmd, args, options);
  if (result.timedOut) throw new Error(`${what}: timed out after ${options.timeoutMs / 1000} s (${cmd} ${args.join(' ')})`);
  if (result.code !== 0) throw new Error(`${what}: ${cmd} ${args.join(' ')} exited ${result.code ?? result.signal}\n${result.stderr.trim().split('\n').slice(-15).join('\n')}`);
  return result;
}

/** Exit 2 early, with a clear message, when dist/ is not built or npm or the registry is unreachable. */
async function checkEnvironment() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'index.js'))) {
    throw new EnvironmentError('async-migrate is not built: run `npm run build` first');
  }
  const probe = await runCommand('npm', ['view', TRIALS[0].spec, 'version', '--fetch-timeout=30000', '--fetch-retries=1'], { cwd: os.tmpdir(), timeoutMs: 2 * MINUTE });
  if (probe.timedOut || probe.code !== 0) {
    throw new EnvironmentError(`cannot reach the npm registry (npm view ${TRIALS[0].spec} ${probe.timedOut ? 'timed out' : `exited ${probe.code}`}):\n${probe.stderr.trim().split('\n').slice(-5).join('\n')}\nThe trials need network access to install the packages.`);
  }
}

/** The folder of one trial and the key of its recipe (a change of recipe reinstalls). */
function trialFolder(trial) {
  const base = process.env.TRIALS_DIR || path.join(os.tmpdir(), 'async-migrate-trials');
  const recipe = JSON.stringify({ ...trial, expect: undefined, test: undefined });
  const key = crypto.createHash('sha256').update(recipe).digest('hex').slice(0, 12);
  const dir = path.join(base, trial.spec.replace(/[^\w.@-]/g, '_'));
  return { dir, repo: path.join(dir, 'repo'), marker: path.join(dir, '.installed'), key };
}

/** Step 1: `npm pack` the package and extract it into `repo/`; apply the recipe's edits. */
async function fetchPackage(trial, folder) {
  fs.rmSync(folder.dir, { recursive: true, force: true });
  fs.mkdirSync(folder.repo, { recursive: true });
  const packed = await mustRun(`${trial.spec}: npm pack`, 'npm', ['pack', trial.spec, '--json', '--pack-destination', folder.dir, '--fetch-timeout=60000'], { cwd: folder.dir, timeoutMs: 3 * MINUTE });
  const tarball = path.join(folder.dir, JSON.parse(packed.stdout)[0].filename);
  await mustRun(`${trial.spec}: extract`, 'tar', ['-xzf', tarball, '-C', folder.repo, '--strip-components=1'], { cwd: folder.dir, timeoutMs: MINUTE });
  const pkgFile = path.join(folder.repo, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (trial.removeDevDependencies === 'all') delete pkg.devDependencies;
  else for (const name of trial.removeDevDependencies || []) delete pkg.devDependencies[name];
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [name, text] of Object.entries(trial.files || {})) fs.writeFileSync(path.join(folder.repo, name), text);
}

/** Step 2: make `repo/` a git repository with one commit, tagged `pristine`. */
async function initGit(folder) {
  const git = (...args) => mustRun('git', 'git', args, { cwd: folder.repo, timeoutMs: MINUTE });
  await git('init', '-q');
  await git('config', 'user.email', 'trials@async-migrate.invalid');
  await git('config', 'user.name', 'async-migrate trials');
  await git('config', 'commit.gpgsign', 'false');
  fs.appendFileSync(path.join(folder.repo, '.git', 'info', 'exclude'), '/node_modules/\n/package-lock.json\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'pristine');
  await git('tag', 'pristine');
}

/** Step 3: install the dev dependencies and the recipe's extras. */
async function installDependencies(trial, folder) {
  for (const extra of trial.installs) {
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000', ...(extra.length ? ['--no-save', ...extra] : [])];
    await mustRun(`${trial.spec}: npm ${args.join(' ')}`, 'npm', args, { cwd: folder.repo, timeoutMs: 10 * MINUTE });
  }
}

/** Steps 1–3 once per recipe; later runs restore the committed sources. Returns the folder. */
async function prepareTrial(trial) {
  const folder = trialFolder(trial);
  const installed = fs.existsSync(folder.marker) && fs.readFileSync(folder.marker, 'utf8').trim() === folder.key;
  if (!installed) {
    process.stderr.write(`trials: installing ${trial.spec} into ${folder.dir}\n`);
    await fetchPackage(trial, folder);
    await initGit(folder);
    await installDependencies(trial, folder);
    fs.writeFileSync(folder.marker, `${folder.key}\n`);
  } else {
    await mustRun('git reset', 'git', ['reset', '-q', '--hard', 'pristine'], { cwd: folder.repo, timeoutMs: MINUTE });
    await mustRun('git clean', 'git', ['clean', '-q', '-fd'], { cwd: folder.repo, timeoutMs: MINUTE });
  }
  return folder;
}

/**
 * Read TAP (mocha's tap reporter, node --test's): counts from the last `# pass` / `# fail` lines,
 * failing tests from `not ok` lines, each named by the `# Subtest:` lines enclosing it (node) and
 * its own description, without the test number.
 * @returns {{pass: number, fail: number, failing: Set<string>}}
 */
function parseTap(text) {
  const failing = new Set();
  const subtests = []; // [indent, name]
  let pass = NaN;
  let fail = NaN;
  for (const line of text.split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length;
    const subtest = /^\s*# Subtest: (.*)$/.exec(line);
    if (subtest) {
      while (subtests.length && subtests[subtests.length - 1][0] >= indent) subtests.pop();
      subtests.push([indent, subtest[1]]);
      continue;
    }
    const notOk = /^\s*not ok \d+ (?:- )?(.*?)(?: # .*)?$/.exec(line);
    if (notOk) {
      // node --test names the subtest twice (`# Subtest: x` … `not ok 1 - x`): keep the outer path.
      const outer = subtests.filter(([i]) => i < indent).map(([, n]) => n);
      failing.add([...outer, notOk[1]].join(' > '));
      continue;
    }
    const count = /^# (pass|fail) (\d+)$/.exec(line);
    if (count) {
      if (count[1] === 'pass') pass = Number(count[2]);
      else fail = Number(count[2]);
    }
  }
  return { pass, fail, failing };
}

/**
 * Read vows' spec reporter: `✓ OK » N honored` or `✗ Broken » N honored ∙ M broken ∙ K errored`,
 * failing vows from `✗ name` lines (named with the context line above them).
 * @returns {{pass: number, fail: number, failing: Set<string>}}
 */
function parseVows(text) {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/);
  const failing = new Set();
  let context = '';
  let pass = NaN;
  let fail = NaN;
  for (const line of lines) {
    const summary = /(?:OK|Broken|Errored) » (.*)$/.exec(line);
    if (summary) {
      const n = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(summary[1]) || [0, 0])[1]);
      pass = n('honored');
      fail = n('broken') + n('errored');
      continue;
    }
    const failed = /^\s+[✗✗] (.*)$/.exec(line);
    if (failed) failing.add(`${context} > ${failed[1].trim()}`);
    else if (/^\s{2}\S/.test(line) && !/^\s+[✓»]/.test(line)) context = line.trim();
  }
  return { pass, fail, failing };
}

/**
 * Steps 4 and 6: run the recipe's test command; counts, failing names, the raw output's tail on a
 * problem. The whole output is kept in `<trial>/tests-<label>.log`.
 */
async function runTests(trial, folder, label) {
  const result = await runCommand(trial.test.command, [], {
    cwd: folder.repo, shell: true, timeoutMs: 15 * MINUTE,
    env: { CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', npm_config_yes: 'true' },
  });
  const text = `${result.stdout}\n${result.stderr}`;
  fs.writeFileSync(path.join(folder.dir, `tests-${label}.log`), text);
  const parsed = trial.test.parse === 'vows' ? parseVows(text) : parseTap(result.stdout);
  const problem = result.timedOut ? 'timed out' : Number.isNaN(parsed.pass) ? 'no test summary in the output' : undefined;
  return { ...parsed, code: result.code, ms: result.ms, problem, tail: problem ? text.trim().split('\n').slice(-20).join('\n') : '' };
}

/** Steps 5 and 7: `async-migrate run . --write --json` in the trial's repository. */
async function migrate(folder) {
  const result = await runCommand(process.execPath, [BIN, 'run', '.', '--write', '--json'], { cwd: folder.repo, timeoutMs: 20 * MINUTE });
  let json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  const findings = json ? json.findings : [];
  return {
    code: result.timedOut ? 'timeout' : result.code,
    ms: result.ms,
    summary: json ? json.summary : undefined,
    rewritten: findings.filter((f) => f.kind === 'rewritten'),
    leftAlone: findings.filter((f) => f.kind === 'left-alone'),
    changedFiles: json ? json.files.filter((f) => f.status === 'changed').map((f) => f.path) : [],
    stderr: result.stderr,
  };
}

/** `git status --porcelain` of the trial's repository (tracked and untracked, not ignored). */
async function gitStatus(folder) {
  return (await mustRun('git status', 'git', ['status', '--porcelain'], { cwd: folder.repo, timeoutMs: MINUTE })).stdout;
}

/** Commit the migrated sources (so the second run's --write sees a clean tree). */
async function commitMigration(folder) {
  await mustRun('git add', 'git', ['add', '-A'], { cwd: folder.repo, timeoutMs: MINUTE });
  await mustRun('git commit', 'git', ['commit', '-q', '--allow-empty', '-m', 'async-migrate run . --write'], { cwd: folder.repo, timeoutMs: MINUTE });
}

/** Reason codes with counts, most frequent first: `AM002 ×5, AM301 ×1`. */
function countCodes(findings) {
  const counts = new Map();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ×${n}`).join(', ') || '—';
}

/** Run one trial end to end; returns its row (and whether it failed). */
async function runTrial(trial) {
  const folder = await prepareTrial(trial);
  process.stderr.write(`trials: ${trial.spec}: baseline tests\n`);
  const before = await runTests(trial, folder, 'before');
  process.stderr.write(`trials: ${trial.spec}: async-migrate run . --write\n`);
  const first = await migrate(folder);
  await commitMigration(folder);
  process.stderr.write(`trials: ${trial.spec}: tests after migration\n`);
  const after = await runTests(trial, folder, 'after');
  process.stderr.write(`trials: ${trial.spec}: second migration (idempotence)\n`);
  const statusBefore = await gitStatus(folder);
  const second = await migrate(folder);
  const statusAfter = await gitStatus(folder);

  const sameFailures = before.failing.size === after.failing.size && [...before.failing].every((n) => after.failing.has(n));
  const newFailures = [...after.failing].filter((n) => !before.failing.has(n));
  const worse = Boolean(after.problem) || after.pass < before.pass || after.fail > before.fail || newFailures.length > 0;
  const idempotent = second.summary !== undefined && second.summary.changed === 0 && statusBefore === statusAfter;
  const migrationFailed = first.code !== 0 || second.code !== 0;
  return { trial, folder, before, first, after, second, sameFailures, newFailures, worse, idempotent, migrationFailed, failed: worse || !idempotent || migrationFailed };
}

/** One result line per trial, then the details that explain it. */
function printRow(row) {
  const { trial, before, first, after, second } = row;
  const counts = (t) => `${t.pass} pass / ${t.fail} fail`;
  console.log([
    trial.spec.padEnd(24),
    `changed ${first.changedFiles.length}`,
    `rewritten ${first.rewritten.length}`,
    `left alone ${first.leftAlone.length}`,
    `before ${counts(before)}`,
    `after ${counts(after)}`,
    `same failures ${row.sameFailures ? 'yes' : 'no'}`,
    `idempotent ${row.idempotent ? 'yes' : 'no'}`,
    `exit ${first.code}`,
    `migration ${(first.ms / 1000).toFixed(1)} s`,
    row.failed ? 'FAILED' : 'ok',
  ].join(' | '));
  console.log(`    rewritten: ${countCodes(first.rewritten)}; left alone: ${countCodes(first.leftAlone)}`);
  if (first.changedFiles.length) console.log(`    files: ${first.changedFiles.join(', ')}`);
  console.log(`    tests: ${(before.ms / 1000).toFixed(1)} s before, ${(after.ms / 1000).toFixed(1)} s after; expected (by hand): ${trial.expect}`);
  for (const t of [before, after]) if (t.problem) console.log(`    test run ${t === before ? 'before' : 'after'}: ${t.problem}\n${t.tail.replace(/^/gm, '      ')}`);
  for (const n of row.newFailures) console.log(`    new failure: ${n}`);
  for (const [label, m] of [['first', first], ['second', second]]) {
    if (m.code !== 0) console.log(`    ${label} migration exited ${m.code}:\n${m.stderr.trim().split('\n').slice(-15).join('\n').replace(/^/gm, '      ')}`);
  }
  if (!row.idempotent) console.log(`    second run changed: ${second.changedFiles.join(', ') || '(git status differs)'}`);
  console.log(`    folder: ${row.folder.repo}`);
}

async function main() {
  const only = process.env.TRIALS ? new Set(process.env.TRIALS.split(',')) : undefined;
  const trials = TRIALS.filter((t) => !only || only.has(t.spec.slice(0, t.spec.lastIndexOf('@'))));
  await checkEnvironment();
  let failed = false;
  for (const trial of trials) {
    let row;
    try {
      row = await runTrial(trial);
    } catch (error) {
      if (error instanceof EnvironmentError) throw error;
      console.log(`${trial.spec.padEnd(24)} | could not run: ${error.message}`);
      failed = true;
      continue;
    }
    printRow(row);
    if (row.failed) failed = true;
  }
  console.log(failed ? '\ntrials: FAILED' : '\ntrials: ok — tests no worse after migration, second run changes nothing');
  return failed ? 1 : 0;
}

module.exports = { parseTap, parseVows, TRIALS };

if (require.main === module) {
  main().then(
    (code) => { process.exitCode = code; },
    (error) => {
      process.stderr.write(`trials: ${error.message}\n`);
      process.exitCode = error instanceof EnvironmentError ? 2 : 1;
    },
  );
}
