#!/usr/bin/env node
/**
 * `npm run bench`: the speed and gain figures of async-migrate (targets live here, never in unit tests).
 *
 * 1. Dry-run speed on the real corpus (bench/corpus.js installs eslint and webpack into a temporary
 *    folder): `async-migrate run -t fs-promises` and the full pipeline, against
 *    `npx jscodeshift --dry` with an identity transform (parse + print) on the same files, run
 *    alternately BENCH_ROUNDS times (default 3); prints median wall times and the ratio.
 *    Target (issue 2): async-migrate's fs-promises dry run ≤ 0.5× jscodeshift's identity run.
 * 2. hoist-switch-await: emitted size and generator states before/after (bench/hoist-switch-await.js).
 * 3. collapse-delegation: time and promises of one million wrapper calls before/after
 *    (bench/collapse-delegation.js).
 * 4. propagate-async: plan time, peak memory and the ratio to `tsc --noEmit` on synthetic projects of
 *    100, 1,000 and 5,000 files (bench/propagate.js).
 *
 * 5. full run on a real TypeScript project (bench/full-run.js, issue 13): `async-migrate run`, `plan`,
 *    `tsc --noEmit` (TypeScript 6 and 7): CPU seconds, wall, peak RSS, ratios, phases. Needs
 *    `--repo commitlint=<checkout or bare git dir>` (after `npm run bench --`) or BENCH_TS_REPO.
 *
 * BENCH_ONLY=speed|hoist|collapse|propagate|full runs one part.
 */
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');
const { installCorpus, sourceFolder, PACKAGES } = require('./corpus');

const ROOT = path.join(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

/** Wall time of one command in seconds; throws when it fails. */
function timeCommand(command, args, cwd) {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')} … exited ${child.status}:\n${child.stderr.slice(-2000)}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function speed() {
  const dir = installCorpus();
  const targets = PACKAGES.map(sourceFolder);
  const fileCount = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'async-migrate'), 'run', '--json', '-t', 'fs-promises', ...targets], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const scanned = JSON.parse(fileCount.stdout).summary.scanned;
  const jscodeshift = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
  const runs = {
    'jscodeshift --dry, identity transform': () =>
      timeCommand(process.execPath, [jscodeshift, '--dry', '--silent', '--parser=babel', '--extensions=js', '-t', path.join(__dirname, 'identity-transform.js'), ...targets], dir),
    'async-migrate run -t fs-promises (dry run)': () => timeCommand(process.execPath, [path.join(ROOT, 'bin', 'async-migrate'), 'run', '-t', 'fs-promises', ...targets], dir),
    'async-migrate run, every transform (dry run)': () => timeCommand(process.execPath, [path.join(ROOT, 'bin', 'async-migrate'), 'run', ...targets], dir),
  };
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) times[name].push(run());
  }
  const base = median(times['jscodeshift --dry, identity transform']);
  const lines = [`Dry-run speed on ${PACKAGES.map((p) => `${p.spec} ${p.sourceDir}/`).join(' + ')} (${scanned} files), median of ${ROUNDS} alternating rounds:`];
  for (const [name, values] of Object.entries(times)) {
    const m = median(values);
    lines.push(`  ${name.padEnd(46)} ${m.toFixed(2).padStart(7)} s   ratio to jscodeshift ${(m / base).toFixed(2)}×`);
  }
  lines.push(`  target: fs-promises dry run ≤ 0.50× jscodeshift → ${median(times['async-migrate run -t fs-promises (dry run)']) / base <= 0.5 ? 'met' : 'NOT met'}`);
  return lines.join('\n');
}

async function main() {
  const only = process.env.BENCH_ONLY;
  const parts = [];
  if (!only || only === 'speed') parts.push(['speed', async () => speed()]);
  if (!only || only === 'hoist') parts.push(['hoist-switch-await', () => require('./hoist-switch-await').runHoistBench()]);
  if (!only || only === 'collapse') parts.push(['collapse-delegation', () => require('./collapse-delegation').runCollapseBench()]);
  if (!only || only === 'propagate') {
    parts.push(['propagate-async', async () => {
      const child = spawnSync(process.execPath, [path.join(__dirname, 'propagate.js')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (child.status !== 0) throw new Error(`bench/propagate.js exited ${child.status}:\n${child.stderr}`);
      return child.stdout.trimEnd();
    }]);
  }
  if (!only || only === 'full') parts.push(['full run on a real TypeScript project', async () => require('./full-run').runFullRunBench()]);
  for (const [name, run] of parts) {
    console.log(`\n== ${name} ==`);
    console.log(await run());
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
