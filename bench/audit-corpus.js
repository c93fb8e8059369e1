#!/usr/bin/env node
/**
 * `npm run audit-corpus`: run `async-migrate audit` over the sources of real published packages and
 * print, per package, the time, the files audited, the counts per severity and the async score.
 *
 * The packages are the corpus of `npm run corpus` (bench/corpus.js installs them into a temporary
 * folder and copies each package's `lib/` out of node_modules: the typed call graph treats anything
 * under node_modules as a dependency, not as project source).
 *
 * Exits 1 when the audit crashes or reports files it could not audit.
 * Environment: CORPUS_DIR (folder), CORPUS_PACKAGES (comma-separated name@version),
 * AUDIT_ARGS (extra audit options, e.g. `--call-graph syntactic`).
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { installCorpus, sourceFolder, PACKAGES } = require('./corpus');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'async-migrate');

function main() {
  const dir = installCorpus();
  const extra = (process.env.AUDIT_ARGS || '').split(' ').filter(Boolean);
  let failed = false;
  for (const pkg of PACKAGES) {
    // The package's copy outside node_modules (see bench/corpus.js), audited from its own folder.
    const work = path.join(dir, path.dirname(sourceFolder(pkg)));
    const out = path.join(dir, `audit-${pkg.name.replace(/[^\w.-]/g, '_')}.json`);
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
