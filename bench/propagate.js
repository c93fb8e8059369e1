#!/usr/bin/env node
'use strict';
/**
 * Benchmark of the propagate-async analysis (the plan) on synthetic TypeScript projects of 100, 1,000
 * and 5,000 files with call chains across files, interfaces with implementations, class methods and
 * callbacks. For each size it prints: plan time, peak memory (max RSS of the planning process), the
 * time of `tsc --noEmit` (the TypeScript ts-morph bundles, 6.0.x) on the same project, and the ratio.
 * Targets (issue 3): plan ≤ 1.5× tsc; 5,000-file time ≤ 6× the 1,000-file time; peak memory ≤ 2 GiB.
 *
 * Usage: npm run build && node bench/propagate.js [sizes…]   (default 100 1000 5000)
 * Projects are generated under .bench-tmp/ (git-ignored) and removed afterwards.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const TMP = path.join(ROOT, '.bench-tmp', 'propagate');

/** One module of the synthetic project: every 5th file reads the disk; chains run across files. */
function moduleText(i) {
  const prev = i % 20 === 0 ? undefined : i - 1;
  const io = i % 5 === 0;
  return `import { readFileSync } from 'fs';
${prev === undefined ? '' : `import { chain${prev}, Store${prev} } from './m${prev}';\n`}
export interface Store${i} {
  load(key: string): string;
  size(): number;
}

export class FileStore${i} implements Store${i} {
  constructor(private readonly dir: string) {}

  load(key: string): string {
    return ${io ? `readFileSync(\`\${this.dir}/\${key}\`, 'utf8')` : 'this.dir + key'};
  }

  size(): number {
    return this.dir.length;
  }
}

export class MemoryStore${i} implements Store${i} {
  private readonly data = new Map<string, string>();

  load(key: string): string {
    return this.data.get(key) ?? '';
  }

  size(): number {
    return this.data.size;
  }
}

function helper${i}(text: string): string {
  return text.split(',').map((part) => part.trim()).filter(Boolean).join(',');
}

export function chain${i}(store: Store${i}, key: string): string {
  const own = helper${i}(store.load(key));
  ${prev === undefined ? 'return own;' : `return own + chain${prev}(store as unknown as Store${prev}, key);`}
}

export function count${i}(stores: Store${i}[]): number {
  let total = 0;
  stores.forEach((s) => {
    total += s.size();
  });
  return total + [3, 1, 2].sort((a, b) => a - b)[0];
}

export class Service${i} {
  constructor(private readonly store: Store${i}) {}

  run(keys: string[]): number {
    return keys.map((k) => chain${i}(this.store, k).length).reduce((a, b) => a + b, 0);
  }

  later(key: string): Promise<number> {
    return Promise.resolve(key).then((k) => chain${i}(this.store, k).length);
  }
}
`;
}

function generate(size) {
  const dir = path.join(TMP, `p${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')] }, include: ['src'] }, null, 2));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench", "private": true }\n');
  for (let i = 0; i < size; i++) fs.writeFileSync(path.join(dir, 'src', `m${i}.ts`), moduleText(i));
  return dir;
}

/** Run the plan in a child process (for its own peak memory); returns { ms, maxRssMiB, counts }. */
function timePlan(dir) {
  const script = `
    const fs = require('fs'); const path = require('path');
    const { planProject } = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'plan', 'plan-project.js'))});
    const { countPlan } = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'plan', 'format-plan.js'))});
    const dir = ${JSON.stringify(dir)};
    const texts = new Map();
    for (const f of fs.readdirSync(path.join(dir, 'src'))) texts.set(path.join(dir, 'src', f), fs.readFileSync(path.join(dir, 'src', f), 'utf8'));
    const t0 = process.hrtime.bigint();
    const plan = planProject(texts, { cwd: dir });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, counts: countPlan(plan) }));
  `;
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`plan failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function timeTsc(dir) {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`tsc found errors in the generated project:\n${run.stdout.slice(0, 2000)}`);
  return ms;
}

function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'plan', 'plan-project.js'))) {
    process.stderr.write('bench/propagate.js: run `npm run build` first\n');
    process.exit(2);
  }
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results = [];
  for (const size of sizes.length ? sizes : [100, 1000, 5000]) {
    const dir = generate(size);
    const plan = timePlan(dir);
    const tsc = timeTsc(dir);
    results.push({ size, planMs: plan.ms, tscMs: tsc, maxRssMiB: plan.maxRssMiB, counts: plan.counts });
    process.stdout.write(
      `${String(size).padStart(5)} files: plan ${(plan.ms / 1000).toFixed(2)} s, peak ${plan.maxRssMiB.toFixed(0)} MiB, tsc --noEmit ${(tsc / 1000).toFixed(2)} s, ratio ${(plan.ms / tsc).toFixed(2)}× ` +
        `(async ${plan.counts.asyncFunctions}, awaited ${plan.counts.awaitSites}, blocked ${plan.counts.blocked})\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const at = (n) => results.find((r) => r.size === n);
  if (at(1000) && at(5000)) process.stdout.write(`5,000-file plan time / 1,000-file plan time: ${(at(5000).planMs / at(1000).planMs).toFixed(2)}× (target ≤ 6×)\n`);
}

main();
