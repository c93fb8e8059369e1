'use strict';
/** One trial end to end (steps 1–7) and its verdict. */
const { prepareTrial } = require('./prepare');
const { runTests, runTypecheck, prettierCheck } = require('./checks');
const { scanSourceSites, classifySites } = require('./fs-sites');
const { migrate, gitStatus, commitMigration } = require('./migrate');

const say = (trial, what) => process.stderr.write(`trials: ${trial.name}: ${what}\n`);

/**
 * Whether the type check got worse: it passed before and fails after, or it failed before and
 * has more errors (or an error key it did not have) after.
 */
function typecheckWorse(before, after) {
  if (!before || !after) return false;
  if (after.code === 0) return false;
  if (before.code === 0) return true;
  const had = new Map();
  for (const e of before.errors) had.set(e, (had.get(e) || 0) + 1);
  for (const e of after.errors) {
    if (!had.get(e)) return true;
    had.set(e, had.get(e) - 1);
  }
  return false;
}

/**
 * The verdict of a measured trial.
 * @returns {{worse: boolean, newFailures: string[], sameFailures: boolean, idempotent: boolean, migrationFailed: boolean, releaseBlocker: boolean, prettierWorse: boolean, failed: boolean}}
 *   `releaseBlocker`: the migration exited 0 and the project's own type check or build got worse.
 */
function judge(m) {
  const { before, after, first, second } = m;
  const sameFailures = before.failing.size === after.failing.size && [...before.failing].every((n) => after.failing.has(n));
  const newFailures = [...after.failing].filter((n) => !before.failing.has(n));
  const worse = Boolean(after.problem) || after.pass < before.pass || after.fail > before.fail || newFailures.length > 0;
  const idempotent = second.summary !== undefined && second.summary.changed === 0 && m.statusBefore === m.statusAfter;
  const migrationFailed = first.code !== 0 || second.code !== 0;
  const buildWorse = typecheckWorse(m.typecheckBefore, m.typecheckAfter);
  const releaseBlocker = first.code === 0 && buildWorse;
  const prettierWorse = Boolean(m.prettier && m.prettier.newFailures.length);
  const failed = worse || !idempotent || migrationFailed || buildWorse || prettierWorse;
  return { sameFailures, newFailures, worse, idempotent, migrationFailed, buildWorse, releaseBlocker, prettierWorse, failed };
}

/**
 * Run one trial end to end.
 * @param {object} trial a catalog entry
 * @param {{bin: string}} engine the async-migrate to measure
 * @param {string} [source] a repository trial's folder
 * @returns {Promise<object>} the measurements and {@link judge}'s verdict
 */
async function runTrial(trial, engine, source) {
  const folder = await prepareTrial(trial, source);
  const sites = await scanSourceSites(folder);
  say(trial, 'type check and tests before');
  const typecheckBefore = await runTypecheck(trial, folder, 'before');
  const before = await runTests(trial, folder, 'before');
  say(trial, 'async-migrate run . --write');
  const first = await migrate(folder, engine, 'first', trial.migrateArgs);
  await commitMigration(folder);
  const prettier = await prettierCheck(folder, first.changedFiles);
  say(trial, 'type check and tests after');
  const typecheckAfter = await runTypecheck(trial, folder, 'after');
  const after = await runTests(trial, folder, 'after');
  say(trial, 'second migration (idempotence)');
  const statusBefore = await gitStatus(folder);
  const second = await migrate(folder, engine, 'second', trial.migrateArgs);
  const statusAfter = await gitStatus(folder);
  const m = { trial, folder, sites: classifySites(sites, first.findings), typecheckBefore, before, first, prettier, typecheckAfter, after, statusBefore, second, statusAfter };
  return { ...m, ...judge(m) };
}

module.exports = { runTrial, judge, typecheckWorse };
