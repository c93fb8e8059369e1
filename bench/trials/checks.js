'use strict';
/**
 * The project's own checks in a trial: its test suite, its type check or build, and Prettier on
 * the files the migration changed.
 */
const fs = require('fs');
const path = require('path');
const { MINUTE, runCommand, mustRun, tail } = require('./command');
const { parseTap, parseVows, parseJestJson } = require('./parse');

const QUIET_ENV = { CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', npm_config_yes: 'true' };

/**
 * Run the recipe's test command (label `before` or `after`); the whole output is kept in
 * `<trial>/tests-<label>.log` (and the JSON report in `tests-<label>.json`).
 * @returns {Promise<{pass: number, fail: number, failing: Set<string>, code: number|null, ms: number, problem?: string, tail: string}>}
 *   `problem`: timed out, or no test summary could be read.
 */
async function runTests(trial, folder, label) {
  const report = path.join(folder.dir, `tests-${label}.json`);
  fs.rmSync(report, { force: true });
  const command = trial.test.command.replace('{json}', report);
  const result = await runCommand(command, [], { cwd: folder.repo, shell: true, timeoutMs: 15 * MINUTE, env: QUIET_ENV });
  const text = `${result.stdout}\n${result.stderr}`;
  fs.writeFileSync(path.join(folder.dir, `tests-${label}.log`), text);
  const parsed = trial.test.parse === 'vows' ? parseVows(text)
    : trial.test.parse === 'jest-json' ? parseJestJson(report, folder.repo)
      : parseTap(result.stdout);
  const problem = result.timedOut ? 'timed out' : Number.isNaN(parsed.pass) ? 'no test summary in the output' : undefined;
  return { ...parsed, code: result.code, ms: result.ms, problem, tail: problem ? tail(text, 20) : '' };
}

/**
 * Run the project's type check or build (`trial.typecheck`); the output is kept in
 * `<trial>/typecheck-<label>.log`. Errors are the `error TS<code>` lines, keyed without their
 * line and column (`src/a.ts TS2322`) so that before and after can be compared across edits.
 * @returns {Promise<undefined | {code: number|null, ms: number, errors: string[], tail: string}>}
 *   undefined when the trial has no type check (a JavaScript package)
 */
async function runTypecheck(trial, folder, label) {
  if (!trial.typecheck) return undefined;
  const result = await runCommand(trial.typecheck, [], { cwd: folder.repo, shell: true, timeoutMs: 15 * MINUTE, env: QUIET_ENV });
  const text = `${result.stdout}\n${result.stderr}`;
  fs.writeFileSync(path.join(folder.dir, `typecheck-${label}.log`), text);
  const errors = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.*?)[(:]\d+[,:]\d+\)?:? - error (TS\d+)|^(.*?)\(\d+,\d+\): error (TS\d+)/.exec(line);
    if (m) errors.push(`${m[1] || m[3]} ${m[2] || m[4]}`);
  }
  return { code: result.timedOut ? 'timeout' : result.code, ms: result.ms, errors, tail: result.code === 0 ? '' : tail(text, 15) };
}

/**
 * Whether the project uses Prettier: a Prettier config file or a `prettier` key in package.json,
 * and Prettier installed in its node_modules (the project's own, never a bundled one).
 */
function usesPrettier(repo) {
  if (!fs.existsSync(path.join(repo, 'node_modules', 'prettier', 'package.json'))) return false;
  const configs = fs.readdirSync(repo).filter((n) => /^\.prettierrc(\..+)?$|^prettier\.config\.[cm]?js$/.test(n));
  if (configs.length) return true;
  try {
    return JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).prettier !== undefined;
  } catch {
    return false;
  }
}

/** The files of `files` that `prettier --check` reports (the project's Prettier, its config and ignore file). */
async function prettierFailures(repo, files) {
  const result = await runCommand('npx', ['prettier', '--check', ...files], { cwd: repo, timeoutMs: 5 * MINUTE, env: QUIET_ENV });
  const failing = new Set();
  // Prettier 3 prints `[warn] <file>`, Prettier 2 the bare path.
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
    const name = line.trim().replace(/^\[warn\] /, '');
    if (files.includes(name)) failing.add(name);
  }
  return failing;
}

/**
 * `prettier --check` on the changed files, on the migrated text (HEAD) and on the original text
 * (tag `pristine`, checked out for the moment and put back).
 * @returns {Promise<undefined | {before: Set<string>, after: Set<string>, newFailures: string[]}>}
 *   undefined when the project does not use Prettier or nothing changed
 */
async function prettierCheck(folder, changedFiles) {
  const files = changedFiles.filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  if (!files.length || !usesPrettier(folder.repo)) return undefined;
  const git = (...args) => mustRun('git', 'git', args, { cwd: folder.repo, timeoutMs: MINUTE });
  const after = await prettierFailures(folder.repo, files);
  await git('checkout', 'pristine', '--', ...files);
  let before;
  try {
    before = await prettierFailures(folder.repo, files);
  } finally {
    await git('checkout', 'HEAD', '--', ...files);
  }
  return { before, after, newFailures: [...after].filter((f) => !before.has(f)) };
}

module.exports = { runTests, runTypecheck, prettierCheck, usesPrettier };
