#!/usr/bin/env node
/**
 * Speed of a full run on a real TypeScript project (issue 13), side by side with the project's type check.
 *
 * The project: conventional-changelog/commitlint at the commit the trials pin (359 JavaScript and
 * TypeScript files, 202 of them .ts; npm workspaces; a solution-style root tsconfig whose references
 * are built with `tsc -b`; NodeNext; a few sync fs calls that the default run migrates, and one that
 * verification rejects, so the run verifies twice). Scripts here reach only the npm registry, so the
 * repository comes from the command line: `--repo commitlint=<folder>`, a checkout or a bare git
 * directory (such as the `fetch` tool's mirror); BENCH_TS_REPO does the same. Its files at the pinned
 * commit are copied (`git archive`) into `$TMPDIR/async-migrate-bench-commitlint@<commit>`
 * (BENCH_TS_DIR overrides; reused while `.installed` is there; never committed); set-up:
 * `"downlevelIteration": true` is removed from tsconfig.shared.json (no effect at its ES2022 target;
 * TypeScript 6 rejects it as deprecated, 7 as removed), `npm install --ignore-scripts`, and one build
 * with the project's own TypeScript (`tsc -b`: the packages import each other through their built
 * lib/). TypeScript 7 (`typescript@7.0.2`, native: its binary comes as an optional dependency, no
 * install script) is installed the same way into `$TMPDIR/async-migrate-bench-ts7`; when that fails
 * its row says so.
 *
 * Measured, alternating, BENCH_ROUNDS rounds (default 3), each a child process under `/usr/bin/time`
 * (user + system CPU seconds of the child and its children, wall seconds, peak RSS):
 *   - `async-migrate run <dir>` (the default dry run: every transform, plan, verification)
 *   - `async-migrate plan <dir>` (the analysis alone)
 *   - `tsc -b --force` with TypeScript 6 (this repository's devDependency): the project's whole build
 *     (`--noEmit` is refused for composite references, TS6310), so it also writes lib/
 *   - the same with TypeScript 7, when installed
 * Prints medians, ratios to TypeScript 6's CPU time, and the full run's phases from one extra run with
 * ASYNC_MIGRATE_TIMINGS=1 (src/core/timings.ts). Targets (issue 13): full run ≤ 1.5× tsc CPU, peak RSS
 * ≤ 1 GiB, a verification retry ≤ 25 % of the first attempt.
 *
 * @returns (from {@link runFullRunBench}) the printed text; throws when a command fails.
 */
'use strict';

const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'async-migrate');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PROJECT = { name: 'commitlint', repository: 'conventional-changelog/commitlint', commit: 'a5e42fb0fbb450434ca66b62e599f3cf62b0abf6' };
const TS7 = 'typescript@7.0.2';
const NPM_INSTALL = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000'];

/** The `--repo commitlint=<folder>` argument (or BENCH_TS_REPO), or undefined. */
function repoArgument(argv) {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--repo' ? argv[i + 1] : argv[i].startsWith('--repo=') ? argv[i].slice(7) : undefined;
    if (value && value.startsWith(`${PROJECT.name}=`)) return value.slice(PROJECT.name.length + 1);
  }
  return process.env.BENCH_TS_REPO || undefined;
}

/** Copy the pinned commit out of `repo` (checkout or bare git dir) and install it; returns the folder. */
function prepareProject(repo) {
  const dir = process.env.BENCH_TS_DIR || path.join(os.tmpdir(), `async-migrate-bench-${PROJECT.name}@${PROJECT.commit.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, '.installed'))) return dir;
  const gitDir = fs.existsSync(path.join(repo, '.git')) ? path.join(repo, '.git') : repo;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['--git-dir', gitDir, 'archive', PROJECT.commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const shared = path.join(dir, 'tsconfig.shared.json');
  fs.writeFileSync(shared, fs.readFileSync(shared, 'utf8').replace(/,\s*"downlevelIteration": true/, ''));
  process.stderr.write(`full-run bench: installing ${PROJECT.name} into ${dir}\n`);
  execFileSync('npm', NPM_INSTALL, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  spawnSync(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { cwd: dir, stdio: 'ignore' });
  const files = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', PROJECT.commit], { encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n').filter((f) => /\.[cm]?[jt]s$/.test(f)).length;
  fs.writeFileSync(path.join(dir, '.installed'), JSON.stringify({ files, at: new Date().toISOString() }));
  return dir;
}

/** Install TypeScript 7 into a temporary folder; returns its tsc entry or the reason it is missing. */
function prepareTs7() {
  const dir = process.env.BENCH_TS7_DIR || path.join(os.tmpdir(), 'async-migrate-bench-ts7');
  const bin = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    if (!fs.existsSync(path.join(dir, '.installed'))) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
      execFileSync('npm', [...NPM_INSTALL, TS7], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      fs.writeFileSync(path.join(dir, '.installed'), TS7);
    }
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    if (version.status !== 0) return { missing: `${TS7} installed but does not run: ${(version.stderr || version.stdout).trim().slice(0, 200)}` };
    return { bin, version: version.stdout.trim() };
  } catch (error) {
    return { missing: `${TS7} not installable with --ignore-scripts: ${String(error.message).split('\n')[0]}` };
  }
}

/**
 * Run one command under /usr/bin/time; returns { cpu, wall, rssMiB, stderr }.
 * A non-zero exit is accepted for tsc (a project may have errors) and async-migrate (3: a verification problem).
 */
function measure(command, args, cwd, env = {}, okCodes = [0]) {
  const child = spawnSync('/usr/bin/time', ['-f', 'BENCHTIME %U %S %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const match = /BENCHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  if (!match) throw new Error(`${command} ${args.join(' ')}: no timing (${child.error ? child.error.message : child.stderr.slice(-500)})`);
  const status = /Command exited with non-zero status (\d+)/.exec(child.stderr);
  const code = status ? Number(status[1]) : 0;
  if (!okCodes.includes(code)) throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${code}:\n${child.stderr.slice(-2000)}`);
  return { cpu: Number(match[1]) + Number(match[2]), wall: Number(match[3]), rssMiB: Number(match[4]) / 1024, stderr: child.stderr, stdout: child.stdout, code };
}

const TSC6 = 'tsc -b --force (TypeScript 6)';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The commands to compare, by label. */
function commands(dir, ts7) {
  const tsc6 = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const out = {
    'async-migrate run (dry run, default)': () => measure(process.execPath, [BIN, 'run', '--quiet', '.'], dir, {}, [0, 3]),
    'async-migrate plan': () => measure(process.execPath, [BIN, 'plan', '.'], dir, {}, [0]),
    [TSC6]: () => measure(process.execPath, [tsc6, '-b', '--force'], dir, {}, [0, 1, 2]),
  };
  if (ts7.bin) out[`tsc -b --force (TypeScript ${ts7.version.replace(/^Version /, '')})`] = () => measure(process.execPath, [ts7.bin, '-b', '--force'], dir, {}, [0, 1, 2]);
  return out;
}

/** The phases of one full run with ASYNC_MIGRATE_TIMINGS=1, as printed lines. */
function phases(dir) {
  const run = measure(process.execPath, [BIN, 'run', '--quiet', '.'], dir, { ASYNC_MIGRATE_TIMINGS: '1' }, [0, 3]);
  return run.stderr.split('\n').filter((l) => l.startsWith('async-migrate timing ')).map((l) => `    ${l.slice('async-migrate timing '.length)}`);
}

/** Run the bench; returns the text to print, or why it was skipped. */
function runFullRunBench(argv = process.argv.slice(2)) {
  const repo = repoArgument(argv);
  if (!repo) return `skipped: pass --repo ${PROJECT.name}=<folder> (a checkout or bare git directory of github.com/${PROJECT.repository}, e.g. the fetch tool's mirror) or BENCH_TS_REPO`;
  const dir = prepareProject(repo);
  const ts7 = prepareTs7();
  const runs = commands(dir, ts7);
  const results = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) for (const [name, run] of Object.entries(runs)) results[name].push(run());
  const base = median(results[TSC6].map((r) => r.cpu));
  const { files } = JSON.parse(fs.readFileSync(path.join(dir, '.installed'), 'utf8'));
  const lines = [`Full run on ${PROJECT.repository}@${PROJECT.commit.slice(0, 12)} (${files} JavaScript/TypeScript files; ${dir}), medians of ${ROUNDS} alternating rounds:`];
  lines.push(`  ${'command'.padEnd(44)} ${'CPU s'.padStart(7)} ${'wall s'.padStart(7)} ${'peak RSS'.padStart(9)}  CPU / tsc 6 build`);
  for (const [name, values] of Object.entries(results)) {
    const cpu = median(values.map((r) => r.cpu));
    lines.push(`  ${name.padEnd(44)} ${cpu.toFixed(1).padStart(7)} ${median(values.map((r) => r.wall)).toFixed(1).padStart(7)} ${`${Math.round(median(values.map((r) => r.rssMiB)))} MiB`.padStart(9)}  ${(cpu / base).toFixed(2)}×`);
  }
  if (ts7.missing) lines.push(`  TypeScript 7: ${ts7.missing}`);
  const full = median(results['async-migrate run (dry run, default)'].map((r) => r.cpu));
  const rss = median(results['async-migrate run (dry run, default)'].map((r) => r.rssMiB));
  lines.push(`  target: full run ≤ 1.5× tsc 6 CPU → ${(full / base).toFixed(2)}× ${full / base <= 1.5 ? 'met' : 'NOT met'}; peak RSS ≤ 1 GiB → ${Math.round(rss)} MiB ${rss <= 1024 ? 'met' : 'NOT met'}`);
  lines.push('  phases of one more full run (ASYNC_MIGRATE_TIMINGS=1; nested phases include their children):');
  lines.push(...phases(dir));
  return lines.join('\n');
}

module.exports = { runFullRunBench, measure, median };

if (require.main === module) {
  try {
    console.log(runFullRunBench());
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
