'use strict';
/**
 * Split trials (a catalog entry with `split`): the staged migration of a real repository, as a team
 * would land it. After the usual set-up (prepare.js) and the project's own build and tests on the
 * base (checks.js):
 *
 *   1. `async-migrate split . --by <split.by> --out <trial>/batches` (plus `split.args`), kept in
 *      `<trial>/split.log`; its index.json lists the batches in landing order;
 *   2. each batch's patch in that order: `git apply --check`, `git apply`, commit; then the
 *      project's own type check or build (`typecheck`) and tests, kept as `typecheck-NN.log` and
 *      `tests-NN.log`/`.json`.
 *
 * A batch fails when its patch does not apply on top of the earlier ones, when the build gets worse
 * than on the base (trial.js `typecheckWorse`), or when the tests do (fewer passing, more failing,
 * or a test failing that passed before). The trial fails when the split exits neither 0 nor 3, or a
 * batch fails; a batch the split left out (`notApplied`, exit 3) is listed, not counted as a failure
 * of the patches.
 */
const fs = require('fs');
const path = require('path');
const { MINUTE, runCommand, mustRun } = require('./command');
const { prepareTrial } = require('./prepare');
const { runTests, runTypecheck } = require('./checks');
const { typecheckWorse } = require('./trial');

const say = (trial, what) => process.stderr.write(`trials: ${trial.name}: ${what}\n`);

/** Whether the tests after a batch are worse than on the base. */
function testsWorse(before, after) {
  if (after.problem) return true;
  return after.pass < before.pass || after.fail > before.fail || [...after.failing].some((n) => !before.failing.has(n));
}

/**
 * Run one split trial.
 * @param {object} trial a catalog entry with `split: { by, args? }`
 * @param {{bin: string}} engine the async-migrate to measure
 * @param {string} [source] the repository's folder
 * @returns {Promise<object>} `{ trial, split: {code, ms, batches}, typecheckBefore, before, batches: [...], failed }`
 */
async function runSplitTrial(trial, engine, source) {
  const folder = await prepareTrial(trial, source);
  say(trial, 'type check and tests on the base');
  const typecheckBefore = await runTypecheck(trial, folder, 'before');
  const before = await runTests(trial, folder, 'before');
  const out = path.join(folder.dir, 'batches');
  fs.rmSync(out, { recursive: true, force: true });
  const args = ['split', '.', '--by', trial.split.by, '--out', out, ...(trial.split.args || [])];
  say(trial, `async-migrate ${args.join(' ')}`);
  const run = await runCommand(process.execPath, [engine.bin, ...args], { cwd: folder.repo, timeoutMs: 30 * MINUTE });
  fs.writeFileSync(path.join(folder.dir, 'split.log'), `${run.stdout}\n${run.stderr}`);
  const indexFile = path.join(out, 'index.json');
  const index = fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, 'utf8')) : { batches: [] };
  const batches = [];
  for (const batch of index.batches) {
    const label = String(batch.index).padStart(2, '0');
    const row = { index: batch.index, name: batch.name, changesets: batch.changesets, files: batch.files, exportedApi: batch.exportedApi, notApplied: batch.notApplied, patch: batch.file };
    batches.push(row);
    if (!batch.file) continue;
    const patch = path.join(out, batch.file);
    const check = await runCommand('git', ['apply', '--check', patch], { cwd: folder.repo, timeoutMs: MINUTE });
    row.applies = check.code === 0;
    if (!row.applies) {
      row.failed = true;
      row.why = `git apply --check: ${check.stderr.trim().split('\n')[0]}`;
      break;
    }
    await mustRun('git apply', 'git', ['apply', patch], { cwd: folder.repo, timeoutMs: MINUTE });
    await mustRun('git add', 'git', ['add', '-A'], { cwd: folder.repo, timeoutMs: MINUTE });
    await mustRun('git commit', 'git', ['commit', '-q', '-m', `batch ${label}: ${batch.name}`], { cwd: folder.repo, timeoutMs: MINUTE });
    say(trial, `batch ${label} ${batch.name} applied: type check and tests`);
    row.typecheck = await runTypecheck(trial, folder, label);
    row.tests = await runTests(trial, folder, label);
    row.buildWorse = typecheckWorse(typecheckBefore, row.typecheck);
    row.testsWorse = testsWorse(before, row.tests);
    row.failed = row.buildWorse || row.testsWorse;
  }
  const splitFailed = run.timedOut || (run.code !== 0 && run.code !== 3);
  return { trial, folder, split: { code: run.timedOut ? 'timeout' : run.code, ms: run.ms, tail: run.stderr.trim().split('\n').slice(-3).join(' | ') }, typecheckBefore, before, batches, failed: splitFailed || batches.some((b) => b.failed) };
}

/** One line per batch and a verdict line, for the console. */
function printSplitTrial(result) {
  const { trial, split, typecheckBefore, before } = result;
  const build = (t) => (t ? `build exit ${t.code}${t.errors.length ? ` (${t.errors.length} errors)` : ''}` : 'no build');
  console.log(`${trial.name.padEnd(18)} | split --by ${trial.split.by}${trial.split.args ? ` ${trial.split.args.join(' ')}` : ''}: exit ${split.code}, ${result.batches.length} batches, ${(split.ms / 1000).toFixed(1)} s | base: ${build(typecheckBefore)}, tests ${before.pass} / ${before.fail}`);
  for (const b of result.batches) {
    const state = !b.patch ? 'no patch' : b.applies === false ? `does not apply (${b.why})` : `${build(b.typecheck)}, tests ${b.tests.pass} / ${b.tests.fail}${b.failed ? ' — WORSE' : ''}`;
    console.log(`${''.padEnd(18)} |   ${String(b.index).padStart(2, '0')}-${b.name}: ${b.changesets.length} change sets, ${b.files.length} files${b.notApplied.length ? `, ${b.notApplied.length} not applied` : ''}: ${state}`);
  }
  console.log(`${''.padEnd(18)} |   ${result.failed ? 'FAILED' : 'ok: every batch applied in order, the build and the tests no worse after each'}`);
}

module.exports = { runSplitTrial, printSplitTrial, testsWorse };
