/**
 * Reason codes AM6xx: the audit's rules. Each entry also carries the rule's kebab-case `name`
 * (SARIF `rule.name`) and its `severity`; src/audit/rules.ts derives the rule list from this table.
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { defineAudit } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const AUDIT_REASONS = defineAudit({
  // ── AM6xx: audit rules (name and severity: the audit rule) ─────────────────────────────
  AM601: {
    name: 'blocking-call-in-async-function',
    severity: 'critical',
    title: 'blocking call inside an async function',
    explanation: 'A synchronous fs, child_process, zlib or crypto call (or Atomics.wait) inside an async function blocks the event loop for every concurrent request while it runs.',
    fix: 'Await the promise form (`await readFile(p)` for `readFileSync(p)`); `async-migrate run -t fs-promises` rewrites fs calls, `-t blocking-apis` child_process, zlib, crypto calls and blocking sleeps.',
    level: 'error',
  },
  AM602: {
    name: 'blocking-call-in-promise-callback',
    severity: 'critical',
    title: 'blocking call inside a promise callback',
    explanation: 'A blocking call inside a `then`/`catch`/`finally` callback runs on the event loop in the middle of asynchronous work.',
    fix: 'Make the callback async and await the promise form of the call, or move the call out of the chain.',
    level: 'error',
  },
  AM603: {
    name: 'blocking-call-reachable-from-async',
    severity: 'high',
    title: 'blocking call in a synchronous function reachable from async code',
    explanation: 'The function is synchronous, but an async function calls it (the finding names the chain), so the blocking call runs on an async path.',
    fix: 'Run `async-migrate run` (propagate-async makes the chain async), or move the I/O up into the async caller.',
    level: 'error',
  },
  AM604: {
    name: 'async-array-callback',
    severity: 'high',
    title: 'async callback passed to an array method that ignores its promise',
    explanation: '`forEach` drops the promise an async callback returns (nothing waits, rejections go unhandled); `filter`/`some`/`every`/`find` read the promise as always truthy.',
    fix: 'Use `for…of` with `await`, or `await Promise.all(xs.map(async …))` and then the sync method on the results.',
    level: 'error',
  },
  AM605: {
    name: 'async-listener-or-timer-callback',
    severity: 'high',
    title: 'async event listener or timer callback: its promise floats',
    explanation: 'Event emitters, timers and process.nextTick ignore the promise an async callback returns, so a rejection is unhandled and nothing waits for the work.',
    fix: 'Catch inside the callback (`try { … } catch (e) { … }`) or hand the promise to something that handles it.',
    level: 'error',
  },
  AM606: {
    name: 'floating-promise',
    severity: 'high',
    title: 'promise of an async function call is neither awaited, returned, stored nor handled',
    explanation: 'The call starts async work whose result and errors nobody observes; the caller goes on before it finishes.',
    fix: 'Add `await`, return the promise, or handle it (`.catch(…)`); write `void f()` to mark a deliberate fire-and-forget.',
    level: 'error',
  },
  AM607: {
    name: 'async-function-without-await',
    severity: 'medium',
    title: 'async function without await',
    explanation: 'The function is async but never awaits and does not delegate to a promise-returning call, so `async` only wraps its result in a promise.',
    fix: 'Drop `async` if no caller needs a promise (note: errors then throw synchronously), or await the work it starts.',
    level: 'warning',
  },
  AM608: {
    name: 'pure-delegation-wrapper',
    severity: 'medium',
    title: 'pure-delegation wrapper',
    explanation: 'The async function only returns await of another call; collapse-delegation would collapse it (the finding shows the replacement).',
    fix: 'Run `async-migrate run -t collapse-delegation`, or review the wrapper by hand.',
    level: 'warning',
  },
  AM609: {
    name: 'refused-delegation-candidate',
    severity: 'medium',
    title: 'delegation candidate that collapse-delegation refuses',
    explanation: 'The function looks like a delegation wrapper, but collapse-delegation leaves it alone for the reason code named in the finding.',
    fix: 'Read the named reason code; collapse by hand only if that reason does not apply.',
    level: 'warning',
  },
  AM610: {
    name: 'hoistable-switch-or-if-chain',
    severity: 'medium',
    title: 'hoistable switch or if chain',
    explanation: 'Every branch of the switch or if chain awaits the same kind of call; hoist-switch-await would hoist the await out of the branches.',
    fix: 'Run `async-migrate run -t hoist-switch-await`, or restructure by hand.',
    level: 'warning',
  },
  AM611: {
    name: 'blocking-call-at-top-level',
    severity: 'low',
    title: 'blocking call at module top level',
    explanation: 'The call runs once while the module loads, before any async work; it is reported but not counted against the async score.',
    fix: 'Usually fine (startup configuration); in an ES module `await` of the promise form also works at top level.',
    level: 'note',
  },
  AM612: {
    name: 'blocking-call-in-cli-code',
    severity: 'info',
    title: 'blocking call in CLI-only code',
    explanation: 'The call is in a file with a shebang or inside a `require.main === module` block and is not reached from async code; a command-line tool may block.',
    fix: 'Nothing to do unless the code is also used as a library.',
    level: 'note',
  },
  AM613: {
    name: 'blocking-call-not-reached-from-async',
    severity: 'low',
    title: 'blocking call in a synchronous function not reached from async code',
    explanation: 'No async function reaches this function through the call graph the audit could resolve, so it blocks only synchronous callers.',
    fix: 'Nothing urgent; migrate it together with its callers when they become async.',
    level: 'note',
  },
});
