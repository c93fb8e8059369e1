/**
 * Reason codes AM3xx: propagate-async (AM301-AM303 applied, AM320+ left alone).
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const PROPAGATE_ASYNC_REASONS = define({
  // ── AM3xx: propagate-async (AM301-AM303 applied, AM320+ left alone) ─────────────────────
  AM301: {
    title: 'function made async by propagation',
    explanation: 'The function calls something that now returns a promise (the chain in the message leads to the sync fs call, `await` or --seed that forces it), so it became `async`.',
    fix: 'Nothing to do; review the diff and the chain in `async-migrate plan`.',
    level: 'note',
  },
  AM302: {
    title: 'call of a function that became async is awaited',
    explanation: 'The callee now returns a promise; the call site got `await` (with parentheses where precedence needs them) so it still sees the value.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM303: {
    title: 'return type wrapped in Promise<…>',
    explanation: 'The function (or a member of its family: overload, interface member, abstract method) now returns a promise, so its annotation `T` became `Promise<T>`.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM304: {
    title: 'array-method callback restructured for await',
    explanation: 'The inline callback of forEach/map now awaits: `xs.forEach(cb)` became a `for…of` loop (same order, one at a time), `xs.map(cb)` became `await Promise.all(xs.map(async cb))` (callbacks run concurrently, results in order), `xs.flatMap(cb)` became `(await Promise.all(xs.map(async cb))).flat()`, `const t = xs.reduce(cb, init)` became a `for…of` loop assigning `t` (one at a time).',
    fix: 'Nothing to do; review the diff (a map whose callbacks must not overlap needs a for…of loop by hand).',
    level: 'note',
  },
  AM320: {
    title: 'array method callback would need restructuring',
    explanation: 'The function is an array-method callback the tool cannot restructure (reduceRight, a reduce without an initial value or not declaring a variable of its own, a forEach callback that returns a value, a receiver not known to be an array); making it async would give the array method promises, so it and its callees stay sync.',
    fix: 'Rewrite the loop as `for…of` with `await`, or `await Promise.all(xs.map(async …))`, then run again.',
    level: 'warning',
  },
  AM325: {
    title: 'called through a computed key the tool cannot resolve',
    explanation: 'A call such as `obj[key]()` or `this[name]()` uses a key that is not a string literal (nor a constant with a literal type), so any function the object holds may be its callee; making one async would leave that call with an unawaited promise, so they stay sync.',
    fix: 'Call the function by name (or through a literal key such as `obj[\'load\']()`), or await the computed call by hand and run again with --seed.',
    level: 'warning',
  },
  AM330: {
    title: 'public API kept sync (--public-api=keep)',
    explanation: 'The function is exported by the package\'s entry points and the public API is kept: --public-api=keep was given, or the package publishes an API (package.json has exports, main, module or types and is not private), which makes keep the default. Callers outside the project are assumed; it and its callees stay sync.',
    fix: 'Run with --public-api=change and publish a major version, or add an async twin by hand.',
    level: 'note',
  },
  AM332: {
    title: 'synchronous on purpose: its name ends in Sync',
    explanation: 'The function, method, its class or its interface is named `…Sync` (or `…sync`): an API that is synchronous on purpose (a sync twin of an async API, a store whose interface promises sync reads). It and what it calls stay sync, so its name keeps telling the truth.',
    fix: 'To migrate it anyway, name it with --seed <file>:<name> (and rename it: an async function named …Sync misleads its callers), or add an async twin by hand.',
    level: 'note',
  },
  AM333: {
    title: 'test fixture I/O left as it is (--tests follow)',
    explanation: 'A sync fs call in a test file (*.test.*, *.spec.*, __tests__/, test/, tests/) that no migrated function depends on: test setup such as writeFileSync in beforeAll or a temp folder made at module level. With the default --tests follow, test files change only where they call, await, mock or assert on what the migration changed.',
    fix: 'Nothing to do; run with --tests migrate to migrate test files like source.',
    level: 'note',
  },
  AM340: {
    title: 'migration would add a type error',
    explanation: 'After propagation the project has a TypeScript diagnostic the original did not have, so nothing was written.',
    fix: 'Fix the code the message names (or seed/pin it differently) and run again; --no-verify writes anyway.',
    level: 'error',
  },
  AM341: {
    title: 'migration would leave a promise floating',
    explanation: 'A call statement now returns a promise that is neither awaited, returned nor handled (the original call was not a promise), so nothing was written.',
    fix: 'Await the call by hand, or make its function reachable from the plan (e.g. with --seed), then run again.',
    level: 'error',
  },
  AM342: {
    title: 'kept sync after verification',
    explanation: 'A first attempt made this function async and the migrated project then had a new type error or floating promise that mentions it; the run planned again with it kept sync, so the rest of the migration could be written.',
    fix: 'Look at the error named in the message (a test mock typed with the sync return, a callback type, an override), fix it by hand, and run again.',
    level: 'warning',
  },
  AM343: {
    title: 'change set dropped: the migrated project failed verification',
    explanation: 'The migrated project had a new type error or floating promise caused by this change set (the edits at the error, or the functions, parameters and type aliases it names); the set was left out as a whole and the other change sets were kept and verified again.',
    fix: 'Read the diagnostic in the message (a callback passed to String.replace or sort, a test mock typed with the sync return, an override), fix that spot by hand or keep the function sync with a *Sync name, and run again.',
    level: 'warning',
  },
  AM344: {
    title: 'change set dropped: a verification error could not be attributed',
    explanation: 'The migrated project had a new type error or floating promise that no change set could be tied to, so every change set editing that file (or every change set) was left out; the run exits 3 so this is never accepted silently.',
    fix: 'Run `async-migrate run --no-verify` on a scratch copy, type-check it, and report the error with the message; meanwhile migrate the other folders with `run <paths>`.',
    level: 'error',
  },
  AM345: {
    title: 'type declarations missing: verification cannot judge some errors',
    explanation: "The original project already fails to type-check for want of declarations (`Cannot find name 'console'`, `Cannot find module 'fs'`: no node_modules or no @types/node); those errors are not counted as new, and what they hide is not checked.",
    fix: 'Install the project\'s dependencies (npm ci) or the declarations named (npm install --save-dev @types/node) and run again.',
    level: 'note',
  },
  AM346: {
    title: 'tsconfig cannot be used: its files were not migrated',
    explanation: 'The nearest tsconfig of these files cannot be read, parsed or extended (a missing `extends` target, a JSON error), so the tool cannot see them as their build does; they are loaded only as callers (what they call stays sync) and not edited. Every other file is migrated as usual.',
    fix: 'Fix the tsconfig the message names (or remove it), or pass the right one with --project, and run again.',
    level: 'error',
  },
  AM347: {
    title: 'change set reaches outside the given paths',
    explanation: 'The change set this site belongs to also edits files outside the paths of the run (a caller that must await, a family member, a type alias); applying part of it would leave the project unbuildable, so none of it was applied.',
    fix: 'Run on the files the message lists too, or add --expand to apply the whole change set (the extra files are listed in the summary); `async-migrate plan --changesets` shows every set and its files.',
    level: 'warning',
  },
  AM331: {
    title: 'plan entry does not match the file (stale plan)',
    explanation: 'The plan names a function, call or type at an offset where this text has something else (the file changed since the plan was made).',
    fix: 'Make the plan again (`async-migrate plan --json`) on the current texts.',
    level: 'error',
  },
});
