#!/usr/bin/env node
/**
 * `npm run trials`: migrate real projects that ship their own test suites, and check that their
 * type check and tests are no worse afterwards. The steps live in bench/trials/:
 *
 *   1. fetch (prepare.js): a published package (`npm pack name@version`) or a public repository at
 *      a pinned commit, taken from a folder named on the command line (`--repo <name>=<folder>` or
 *      `--mirror <folder>`: scripts reach only the npm registry, so repositories are fetched
 *      beforehand), into `$TMPDIR/async-migrate-trials/<trial>/repo` (TRIALS_DIR overrides; never
 *      inside this repository);
 *   2. git: `repo/` becomes a git repository, its commit tagged `pristine`;
 *   3. install with `--ignore-scripts` from the npm registry (once per recipe; later runs reset the
 *      sources to `pristine`);
 *   4. baseline: the sync fs call sites of its source (fs-sites.js), its own type check or build
 *      and its own tests (checks.js);
 *   5. migrate: `node bin/async-migrate run . --write --json` of the engine under test
 *      (migrate.js); files changed, sites rewritten and left alone by reason code, exit code, wall
 *      time; the result is committed; `prettier --check` on the changed files before and after when
 *      the project uses Prettier;
 *   6. after: type check and tests again;
 *   7. idempotence: the same migration again must change nothing.
 * Split trials (a catalog entry with `split`, bench/trials/split.js) instead run `async-migrate split`
 * and apply its patches one by one in landing order, with the project's build and tests after each.
 * Prints one line per trial (print.js; `--markdown` adds the rows of bench/README.md's table) and
 * exits 1 when a trial's tests or type check got worse, Prettier reports a changed file it accepted
 * before, the second run changed something or a migration failed. A migration that exits 0 while
 * the project's own type check or build gets worse is printed as a RELEASE BLOCKER. Exits 2 when npm
 * or the registry is unreachable, the engine is not built or an option is wrong. Repository trials
 * without a folder are listed as skipped. Options: bench/trials/options.js.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { MINUTE, EnvironmentError, runCommand, tail } = require('./trials/command');
const { PACKAGE_TRIALS, REPO_TRIALS } = require('./trials/catalog');
const { parseOptions } = require('./trials/options');
const { parseTap, parseVows, parseJestJson } = require('./trials/parse');
const { printRow, markdownRow } = require('./trials/print');
const { runTrial } = require('./trials/trial');
const { runSplitTrial, printSplitTrial } = require('./trials/split');

/** Exit 2 early, with a clear message, when the engine is not built or the registry is unreachable. */
async function checkEnvironment(engine) {
  if (!fs.existsSync(path.join(engine.root, 'dist', 'src', 'cli', 'index.js')) || !fs.existsSync(engine.bin)) {
    throw new EnvironmentError(`async-migrate is not built in ${engine.root}: run \`npm run build\` first`);
  }
  const spec = PACKAGE_TRIALS[0].spec;
  const probe = await runCommand('npm', ['view', spec, 'version', '--fetch-timeout=30000', '--fetch-retries=1'], { cwd: os.tmpdir(), timeoutMs: 2 * MINUTE });
  if (probe.timedOut || probe.code !== 0) {
    throw new EnvironmentError(`cannot reach the npm registry (npm view ${spec} ${probe.timedOut ? 'timed out' : `exited ${probe.code}`}):\n${tail(probe.stderr, 5)}\nThe trials need network access to install the packages.`);
  }
}

async function main(argv) {
  const options = parseOptions(argv, process.env, REPO_TRIALS);
  const trials = [...PACKAGE_TRIALS, ...REPO_TRIALS].filter((t) => !options.only || options.only.has(t.name));
  await checkEnvironment(options.engine);
  let failed = false;
  let blockers = 0;
  const rows = [];
  for (const trial of trials) {
    if (trial.repository && !options.sources.has(trial.name)) {
      console.log(`${trial.name.padEnd(18)} | skipped: no folder for ${trial.repository}@${trial.commit.slice(0, 12)} (--repo ${trial.name}=<folder> or --mirror <folder>)`);
      continue;
    }
    if (trial.split) {
      let result;
      try {
        result = await runSplitTrial(trial, options.engine, options.sources.get(trial.name));
      } catch (error) {
        if (error instanceof EnvironmentError) throw error;
        console.log(`${trial.name.padEnd(18)} | could not run: ${error.message}`);
        failed = true;
        continue;
      }
      printSplitTrial(result);
      if (result.failed) failed = true;
      continue;
    }
    let row;
    try {
      row = await runTrial(trial, options.engine, options.sources.get(trial.name));
    } catch (error) {
      if (error instanceof EnvironmentError) throw error;
      console.log(`${trial.name.padEnd(18)} | could not run: ${error.message}`);
      failed = true;
      continue;
    }
    printRow(row);
    rows.push(row);
    if (row.failed) failed = true;
    if (row.releaseBlocker) blockers += 1;
  }
  if (options.markdown) for (const row of rows) console.log(markdownRow(row));
  if (blockers) console.log(`\ntrials: ${blockers} RELEASE BLOCKER(S): async-migrate exited 0 and left a project whose own type check or build is worse`);
  console.log(failed ? '\ntrials: FAILED' : '\ntrials: ok — type checks and tests no worse after migration, second run changes nothing');
  return failed ? 1 : 0;
}

/** The package trials under their old name, for scripts that read them. */
const TRIALS = PACKAGE_TRIALS;

module.exports = { parseTap, parseVows, parseJestJson, TRIALS, PACKAGE_TRIALS, REPO_TRIALS };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error) => {
      process.stderr.write(`trials: ${error.message}\n`);
      process.exitCode = error instanceof EnvironmentError ? 2 : 1;
    },
  );
}
