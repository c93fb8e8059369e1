/**
 * Show the gain of collapse-delegation: call a delegating wrapper one million times before and after
 * the transform and compare wall time and the number of promises created.
 *
 * The "after" code is produced by the real transform (dist/transforms/collapse-delegation.js, built by
 * `npm run bench`), from this "before" code:
 *     async function callee(x) { return x + 1; }
 *     async function wrapper(x) { return await callee(x); }
 * Each call is awaited before the next one starts (the common way wrappers are used). Promises are
 * counted with an async_hooks `init` hook of type PROMISE, in a separate pass, because an enabled
 * promise hook slows every promise down and would distort the timing. With a hook enabled, V8 also
 * allocates the internal promises of each `await`, so the counts are higher than what runs unhooked;
 * both versions are counted the same way, so the ratio holds. Times are the best of
 * `rounds` runs after one warm-up run.
 *
 * Usage: `node bench/collapse-delegation.js [calls]` prints the table (default 1,000,000 calls);
 * `require('./collapse-delegation').runCollapseBench({ calls })` resolves to the same text.
 * @throws Error when dist/ has not been built (`npm run build`).
 */
'use strict';
const path = require('path');
const { createHook } = require('async_hooks');

const BEFORE = `async function callee(x) {
  return x + 1;
}

async function wrapper(x) {
  return await callee(x);
}
`;

/** The transform's output for BEFORE, through the engine's applyTransform (same path as the CLI). */
function collapse(source) {
  const dist = path.join(__dirname, '..', 'dist');
  let applyTransform;
  let transform;
  try {
    ({ applyTransform } = require(path.join(dist, 'src', 'engine', 'apply.js')));
    transform = require(path.join(dist, 'transforms', 'collapse-delegation.js'));
  } catch (err) {
    throw new Error(`bench/collapse-delegation.js needs the built transform in dist/: run \`npm run build\` first (${err.message})`);
  }
  const { output } = applyTransform(transform, 'bench-wrapper.js', source, {});
  if (output === undefined) throw new Error('collapse-delegation did not collapse the bench wrapper; the bench would compare identical code');
  return output;
}

/** Evaluate module text and return its `wrapper` function. */
function load(source) {
  return new Function(`${source}\nreturn wrapper;`)();
}

/** Await `wrapper(i)` for i in [0, calls); resolves to elapsed milliseconds. */
async function timeCalls(wrapper, calls) {
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await wrapper(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (sum !== (calls * (calls + 1)) / 2) throw new Error('wrapper returned wrong results');
  return ms;
}

/** Number of promises created while awaiting `calls` calls of `wrapper`. */
async function countPromises(wrapper, calls) {
  let promises = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') promises++;
    },
  });
  hook.enable();
  for (let i = 0; i < calls; i++) await wrapper(i);
  hook.disable();
  return promises;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Run the benchmark.
 * @param {{ calls?: number, rounds?: number }} [options] calls per measurement (default 1e6) and timed rounds (default 3)
 * @returns {Promise<string>} a printable table: time (ms, best round) and promises created, before/after and their ratio
 */
async function runCollapseBench(options = {}) {
  const calls = options.calls ?? 1_000_000;
  const rounds = options.rounds ?? 3;
  const after = collapse(BEFORE);
  const versions = { before: load(BEFORE), after: load(after) };
  const results = {};
  for (const [name, wrapper] of Object.entries(versions)) {
    await timeCalls(wrapper, Math.min(calls, 100_000)); // warm-up
    let best = Infinity;
    for (let r = 0; r < rounds; r++) best = Math.min(best, await timeCalls(wrapper, calls));
    results[name] = { ms: best, promises: await countPromises(wrapper, calls) };
  }
  const { before, after: collapsed } = results;
  const lines = [
    `collapse-delegation: ${fmt(calls)} awaited calls of a delegating wrapper (node ${process.version})`,
    '',
    'after the transform:',
    ...after.trimEnd().split('\n').map((l) => `    ${l}`),
    '',
    `${'measure'.padEnd(20)}${'before'.padStart(14)}${'after'.padStart(14)}${'before/after'.padStart(14)}`,
    `${'time (ms, best)'.padEnd(20)}${fmt(before.ms).padStart(14)}${fmt(collapsed.ms).padStart(14)}${(before.ms / collapsed.ms).toFixed(2).padStart(13)}x`,
    `${'promises created'.padEnd(20)}${fmt(before.promises).padStart(14)}${fmt(collapsed.promises).padStart(14)}${(before.promises / collapsed.promises).toFixed(2).padStart(13)}x`,
  ];
  return lines.join('\n');
}

module.exports = { runCollapseBench };

if (require.main === module) {
  const calls = process.argv[2] ? Number(process.argv[2]) : undefined;
  runCollapseBench({ calls }).then(
    (text) => console.log(text),
    (err) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
