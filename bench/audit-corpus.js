#!/usr/bin/env node
/**
 * `npm run audit-corpus`: run `async-migrate audit` over the sources of real published packages and
 * print, per package, the time, the files audited, the counts per severity and the async score.
 *
 * The packages (default eslint@10.15.0 and webpack@5.112.2, as `npm run corpus`) are installed into
 * a temporary folder outside the repository (never committed; reused while the versions match).
 * Each package's `lib/` is copied out of node_modules first: the typed call graph (propagate-async's
 * project loader) treats anything under node_modules as a dependency, not as project source.
 *
 * Exits 1 when the audit crashes or reports files it could not audit.
 * Environment: CORPUS_DIR (folder), CORPUS_PACKAGES (comma-separated name@version),
 * AUDIT_ARGS (extra audit options, e.g. `--call-graph syntactic`).
 */
'use strict';

const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'async-migrate');
const PACKAGES = (process.env.CORPUS_PACKAGES || 'eslint@10.15.0,webpack@5.112.2').split(',').map((spec) => {
  const at = spec.lastIndexOf('@');
  return { spec, name: spec.slice(0, at) };
});

function installed() {
  const key = PACKAGES.map((p) => p.spec).join('+').replace(/[^\w.+-]/g, '_');
  const dir = process.env.CORPUS_DIR || path.join(os.tmpdir(), `async-migrate-corpus-${key}`);
  if (!fs.existsSync(path.join(dir, '.installed'))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'async-migrate-corpus' }));
    process.stderr.write(`audit-corpus: installing ${PACKAGES.map((p) => p.spec).join(', ')} into ${dir}\n`);
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES.map((p) => p.spec)], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(path.join(dir, '.installed'), new Date().toISOString());
  }
  return dir;
}

function main() {
  const dir = installed();
  const extra = (process.env.AUDIT_ARGS || '').split(' ').filter(Boolean);
  let failed = false;
  for (const pkg of PACKAGES) {
    const work = path.join(dir, 'audit-src', pkg.name);
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    fs.cpSync(path.join(dir, 'node_modules', pkg.name, 'lib'), path.join(work, 'lib'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'node_modules', pkg.name, 'package.json'), path.join(work, 'package.json'));
    const out = path.join(work, 'audit.json');
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [BIN, 'audit', 'lib', '--format', 'json', '-o', out, ...extra], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0 && run.status !== 1) {
      failed = true;
      process.stdout.write(`${pkg.spec}: audit exited ${run.status}\n${run.stderr}\n`);
      if (!fs.existsSync(out)) continue;
    }
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    const counts = Object.entries(result.counts).map(([s, n]) => `${s} ${n}`).join(', ');
    process.stdout.write(
      `${pkg.spec}: ${result.files.length} files in ${seconds.toFixed(1)} s; findings: ${counts}; ` +
        `async score ${result.score.overall.percent}% (${result.score.overall.nonBlocking}/${result.score.overall.total}); ` +
        `call graph ${result.callGraph.kind}; not audited ${result.errors.length}; warnings ${result.warnings.length}\n`,
    );
    for (const e of result.errors) process.stdout.write(`  not audited: ${e.file}: ${e.message}\n`);
    for (const w of result.warnings) process.stdout.write(`  warning: ${w.file}: ${w.message}\n`);
    if (result.errors.length > 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

main();
