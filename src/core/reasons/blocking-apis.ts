/**
 * Reason codes AM7xx: the blocking-apis transform (child_process, zlib, crypto, blocking sleeps).
 * AM700–AM702: a rewrite applied; AM710+: a site left alone. The table and its sources are
 * src/core/blocking-api.ts.
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const BLOCKING_API_REASONS = define({
  // ── AM70x: rewrites applied ─────────────────────────────────────────────────────────────
  AM700: {
    title: 'child_process call rewritten to the promisified exec/execFile',
    explanation: "`execSync(cmd, o)` became `(await execAsync(cmd, o)).stdout` (`const execAsync = promisify(exec)`; execFileSync likewise), with `encoding: 'buffer'` added where the result is read and no encoding was given, so it stays a Buffer. The child's stderr, which execSync passes through to the parent's stderr, is now captured (and on failure attached to the error) instead, and the child's stdin stays open where execSync closed it (a command that reads stdin would wait).",
    fix: 'Nothing to do; review the diff. If the command\'s stderr must still reach the terminal, print `stderr` from the result yourself.',
    level: 'note',
  },
  AM701: {
    title: 'zlib or crypto call rewritten to its promisified callback form',
    explanation: '`gzipSync(buf)` became `await gzipAsync(buf)` (`const gzipAsync = promisify(gzip)`): the same arguments and the same result (generateKeyPair resolves to `{ publicKey, privateKey }`), computed on the libuv thread pool instead of the event loop.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM702: {
    title: 'blocking sleep rewritten to await setTimeout',
    explanation: "`Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)` or `execSync('sleep N')` as a statement became `await setTimeout(ms)` from timers/promises: the same pause, without blocking the thread.",
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  // ── AM71x: sites left alone ─────────────────────────────────────────────────────────────
  AM710: {
    title: 'spawnSync has no promise form with the same result',
    explanation: 'spawnSync returns `{ pid, output, stdout, stderr, status, signal, error }` and never throws for a failing command; no promise API resolves to that object.',
    fix: 'Port it by hand to `spawn` (events) or to promisified `execFile` (which rejects on a non-zero exit), and adapt the code that reads the result.',
    level: 'warning',
  },
  AM711: {
    title: 'the thrown error is read in a surrounding catch',
    explanation: 'execSync/execFileSync throw an error carrying the spawnSync result (`status`, `output`, `pid`); promisified exec/execFile reject with another shape (`code`, `killed`, `cmd`). A catch around the call that reads the error could change meaning.',
    fix: 'Rewrite by hand, reading `code` where the catch read `status`; a catch that only rethrows (`throw e`) does not block the rewrite.',
    level: 'warning',
  },
  AM712: {
    title: 'options not statically known',
    explanation: "The options are not an object literal (or have a spread or computed key, or a non-literal encoding), so the rewrite cannot check `input`/`stdio`, nor keep the Buffer-or-string result (execSync defaults to Buffer, promisified exec to 'utf8'); for execFileSync, a second argument that is neither an array nor an object literal may be the argument list or the options.",
    fix: 'Write the options as an object literal (with a literal `encoding` where the result is read), then run again; or rewrite by hand.',
    level: 'note',
  },
  AM713: {
    title: 'input option has no promisified equivalent',
    explanation: 'execSync/execFileSync write `input` to the child\'s stdin; exec/execFile take no such option.',
    fix: 'Rewrite by hand: keep the ChildProcess (`const p = execAsync(cmd); p.child.stdin.end(input); await p`).',
    level: 'warning',
  },
  AM714: {
    title: 'stdio option has no promisified equivalent',
    explanation: "exec/execFile always pipe the child's stdio to capture stdout and stderr; `stdio: 'inherit'` (or any stdio setting) has no equivalent.",
    fix: "Rewrite by hand with `spawn(cmd, args, { stdio: 'inherit' })` and a promise of its 'close' event.",
    level: 'warning',
  },
  AM715: {
    title: 'arguments the rewrite cannot check',
    explanation: 'The call has spread arguments, or more arguments than the function takes, so the options (and so the result shape) cannot be checked.',
    fix: 'Spell the arguments out, or rewrite by hand.',
    level: 'note',
  },
  AM716: {
    title: 'Atomics.wait that is not a plain sleep',
    explanation: 'Only the idiom `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), 0, 0, ms)` as a statement is a sleep: on another buffer other code may notify the waiter, without a timeout it waits forever, and a read result distinguishes "ok" from "timed-out".',
    fix: 'Use `Atomics.waitAsync` (and await its `value` when it is a promise) by hand.',
    level: 'note',
  },
  AM717: {
    title: 'promisified form has no faithful type in TypeScript',
    explanation: "@types/node declares the callback form with overloads and no `__promisify__` (generatePrime: an ArrayBuffer or a bigint by option), so `promisify(x)` is typed `Promise<unknown>` and no fixed signature keeps the sync call's result type; the rewrite would not type-check.",
    fix: 'Rewrite by hand with a typed wrapper (`new Promise<ArrayBuffer>((resolve, reject) => generatePrime(n, (e, p) => (e ? reject(e) : resolve(p))))`).',
    level: 'note',
  },
});
