#!/usr/bin/env node
/**
 * `npm run corpus`: dry-run async-migrate over the sources of real published packages.
 *
 * Installs pinned packages into a temporary folder outside the repository (never committed; reused
 * between runs while the versions match) and copies their sources to `sources/<name>/` there (out of
 * node_modules, where TypeScript would treat them as library code). Then, for each package, it runs
 * the real CLI for each registered transform and for the whole pipeline
 * (`bin/async-migrate run --json [-t <transform>] sources/<name>/lib`) and checks the result
 * independently: every file's patch applies to the original text and the patched text parses.
 *
 * Prints files scanned and changed, sites rewritten and left alone by reason code, and the time.
 * Exits 1 when any file crashed a transform (AM902), any output failed to re-parse (AM903), a patch
 * did not apply, or a patched file does not parse. Files that do not parse to begin with (AM901) are
 * listed, not counted as failures: they are the package's, not ours.
 *
 * Environment: CORPUS_DIR overrides the temporary folder; CORPUS_PACKAGES (comma-separated
 * `name@version`) overrides the package list.
 */
'use strict';

const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { applyPatch } = require('diff');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'async-migrate');
/** The corpus: packages and the folder of each whose sources are migrated. */
const PACKAGES = (process.env.CORPUS_PACKAGES || 'eslint@10.15.0,webpack@5.112.2').split(',').map((spec) => {
  const at = spec.lastIndexOf('@');
  return { spec, name: spec.slice(0, at), sourceDir: 'lib' };
});

/** Install the corpus (once per version set) and return the node_modules folder. */
function installCorpus() {
  const key = PACKAGES.map((p) => p.spec).join('+').replace(/[^\w.+-]/g, '_');
  const dir = process.env.CORPUS_DIR || path.join(os.tmpdir(), `async-migrate-corpus-${key}`);
  const marker = path.join(dir, '.installed');
  if (!fs.existsSync(marker)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'async-migrate-corpus' }));
    process.stderr.write(`corpus: installing ${PACKAGES.map((p) => p.spec).join(', ')} into ${dir}\n`);
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES.map((p) => p.spec)], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // Sources are migrated from a copy outside node_modules: TypeScript (and so propagate-async's
    // analysis) treats files under node_modules as external library code.
    for (const pkg of PACKAGES) {
      const to = path.join(dir, 'sources', pkg.name);
      fs.mkdirSync(to, { recursive: true });
      fs.cpSync(path.join(dir, 'node_modules', pkg.name, pkg.sourceDir), path.join(to, pkg.sourceDir), { recursive: true });
      fs.copyFileSync(path.join(dir, 'node_modules', pkg.name, 'package.json'), path.join(to, 'package.json'));
    }
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return dir;
}

/** The folder of a package's sources inside the corpus folder (relative to it). */
function sourceFolder(pkg) {
  return path.join('sources', pkg.name, pkg.sourceDir);
}

/** The registered transforms, from the CLI's own `list --json`-free output: read the registry. */
function transformNames() {
  const { TRANSFORMS } = require(path.join(ROOT, 'dist', 'src', 'engine', 'registry'));
  return TRANSFORMS.map((t) => t.meta.name);
}

/** The whole pipeline (every registered transform, as `async-migrate run` does by default). */
const ALL = 'every transform (the default run)';

/** Run one transform (or {@link ALL}) over one folder; return the parsed JSON result and wall time in ms. */
function runCli(cwd, transform, target) {
  const started = process.hrtime.bigint();
  const select = transform === ALL ? [] : ['-t', transform];
  const child = spawnSync(process.execPath, [BIN, 'run', '--json', ...select, target], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 3) {
    throw new Error(`async-migrate exited ${child.status} on ${target} (-t ${transform}):\n${child.stderr}`);
  }
  return { result: JSON.parse(child.stdout), ms };
}

/** Apply each edit's patch to the file on disk and parse the result; return the problems found. */
function verifyEdits(cwd, result) {
  const { parseForCheck } = require(path.join(ROOT, 'dist', 'src', 'core', 'parser'));
  const problems = [];
  for (const edit of result.edits) {
    const original = fs.readFileSync(path.join(cwd, edit.path), 'utf8');
    const patched = applyPatch(original, edit.patch);
    if (patched === false) {
      problems.push(`${edit.path}: patch does not apply`);
      continue;
    }
    try {
      parseForCheck(edit.path, patched);
    } catch (error) {
      problems.push(`${edit.path}: patched text does not parse: ${error.message}`);
    }
  }
  return problems;
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

function main() {
  const dir = installCorpus();
  const transforms = [...transformNames(), ALL];
  let failed = false;
  const rows = [];
  for (const pkg of PACKAGES) {
    const target = sourceFolder(pkg);
    for (const transform of transforms) {
      const { result, ms } = runCli(dir, transform, target);
      const { summary, findings } = result;
      const crashes = findings.filter((f) => f.code === 'AM902' || f.code === 'AM903');
      const unparsable = findings.filter((f) => f.code === 'AM901');
      const problems = verifyEdits(dir, result);
      const rewritten = findings.filter((f) => f.kind === 'rewritten');
      const leftAlone = findings.filter((f) => f.kind === 'left-alone' && !/^AM9/.test(f.code));
      rows.push({ pkg: pkg.spec, transform, summary, ms, rewritten, leftAlone });
      console.log(`\n${pkg.spec} ${pkg.sourceDir}/ — ${transform} (${(ms / 1000).toFixed(1)} s)`);
      console.log(`  files: ${summary.scanned} scanned, ${summary.changed} changed, ${summary.failed} failed`);
      console.log(`  sites rewritten: ${rewritten.length}${rewritten.length ? ` (${countBy(rewritten, (f) => f.code).map(([c, n]) => `${c} ×${n}`).join(', ')})` : ''}`);
      console.log(`  sites left alone: ${leftAlone.length}`);
      for (const [code, n] of countBy(leftAlone, (f) => f.code)) console.log(`    ${code} ${n}  ${leftAlone.find((f) => f.code === code).title}`);
      for (const f of unparsable) console.log(`  input does not parse (not counted): ${f.file}:${f.line}:${f.column} ${f.message}`);
      for (const f of crashes) console.log(`  FAILED ${f.code} ${f.file}:${f.line}:${f.column} ${f.message}`);
      for (const p of problems) console.log(`  FAILED ${p}`);
      if (crashes.length > 0 || problems.length > 0) failed = true;
    }
  }
  console.log(failed ? '\ncorpus: FAILED' : '\ncorpus: ok — no crash, every changed file re-parses');
  process.exitCode = failed ? 1 : 0;
}

module.exports = { installCorpus, sourceFolder, PACKAGES };

if (require.main === module) main();
