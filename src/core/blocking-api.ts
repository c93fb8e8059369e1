/**
 * The table of blocking Node.js APIs other than fs, and their promise forms: child_process, zlib,
 * crypto, and the two usual blocking sleeps. A sibling of ./fs-api.ts, shared the same way: the
 * blocking-apis transform (what to rewrite), propagate-async (seeds: src/plan/blocking-call.ts) and
 * the audit's fix texts import it, never copy it.
 *
 * Sources, per row (Node.js v20 LTS docs, https://nodejs.org/docs/latest-v20.x/api/):
 * - child_process.html "Synchronous process creation" and "child_process.exec()"/"execFile()":
 *   `execSync(command[, options])` returns the child's stdout, a Buffer unless `encoding` is given
 *   (`encoding` default 'buffer'); `exec`/`execFile` default to `encoding: 'utf8'`, and "If this method
 *   is invoked as its util.promisify()ed version, it returns a Promise for an Object with stdout and
 *   stderr properties. In case of an error … a rejected promise … with the same error object given in
 *   the callback, but with two additional properties stdout and stderr". So the rewrite passes
 *   `encoding: 'buffer'` where the sync call had none and its result is read, and takes `.stdout`.
 *   The thrown errors differ: execSync's has `status`, `output`, `pid` (the spawnSync result), exec's
 *   has `code`, `killed`, `cmd`; and execSync's stderr goes to the parent's stderr "unless stdio is
 *   specified" while exec captures it. `input` and `stdio` options have no exec counterpart;
 *   `spawnSync` returns a result object that no promise API resolves to.
 * - zlib.html "Convenience methods": every `xSync(buffer[, options])` has `x(buffer[, options],
 *   callback)` whose callback gets `(error, result)`, the same Buffer.
 * - crypto.html: `pbkdf2(password, salt, iterations, keylen, digest, callback)` → `(err, derivedKey)`;
 *   `scrypt(password, salt, keylen[, options], callback)` → `(err, derivedKey)`;
 *   `randomFill(buffer[, offset][, size], callback)` → `(err, buf)`, the buffer passed, as randomFillSync
 *   returns it; `hkdf(…, callback)` → `(err, derivedKey)` an ArrayBuffer like hkdfSync;
 *   `generateKey(type, options, callback)` → `(err, key)`; `generatePrime(size[, options], callback)`
 *   → `(err, prime)`; `checkPrime(candidate[, options], callback)` → `(err, result)`;
 *   `generateKeyPair(type, options, callback)` → `(err, publicKey, privateKey)`, and "If this method is
 *   invoked as its util.promisify()ed version, it returns a Promise for an Object with publicKey and
 *   privateKey properties" — the shape generateKeyPairSync returns.
 *   `randomBytes(size)` is not in the table: its callback form exists, but the audit does not grade it
 *   blocking (small sizes come from a pool), and rewriting every `randomBytes(16)` would spread async.
 * - util.html `util.promisify(original)`: a function taking an `(err, value) => …` callback last
 *   becomes a function returning a promise of `value`.
 * - timers.html "Timers Promises API": `timersPromises.setTimeout([delay])` resolves after `delay` ms.
 *   The blocking idiom `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), 0, 0, ms)` (ECMAScript
 *   25.4.13: blocks until notified or `ms` elapse; nothing else holds a fresh buffer, so only the timeout
 *   ends it) and `execSync('sleep N')` become `await setTimeout(ms)`.
 */

/** The modules of the table (without the `node:` prefix). */
export type BlockingModule = 'child_process' | 'zlib' | 'crypto';

/**
 * How one sync function is rewritten:
 * - `exec`: `execSync(cmd, o)` → `(await execAsync(cmd, o)).stdout` (`exec-file` likewise with execFile);
 * - `callback`: `xSync(args)` → `await xAsync(args)` with `const xAsync = promisify(x)`;
 * - `no-twin`: left alone and reported (spawnSync).
 */
export type BlockingKind = 'exec' | 'exec-file' | 'callback' | 'no-twin';

/** One row of the table. */
export interface BlockingApi {
  module: BlockingModule;
  /** The sync name, e.g. `execSync`. */
  sync: string;
  /** The callback-taking function promisified instead, e.g. `exec`. */
  callback?: string;
  kind: BlockingKind;
  /**
   * TypeScript: @types/node declares the callback form with overloads and no `__promisify__`, so
   * `promisify(x)` is typed `(…) => Promise<unknown>`; the new binding gets this signature
   * (`module`: the quoted specifier to name types by, e.g. `'node:crypto'`).
   */
  tsSignature?: (module: string) => string;
  /** TypeScript: no signature keeps the sync result type (generatePrime: ArrayBuffer or bigint by option); left alone (AM717). */
  tsUntyped?: boolean;
}

const row = (module: BlockingModule, callback: string, kind: BlockingKind = 'callback'): BlockingApi => ({ module, sync: `${callback}Sync`, callback, kind });

/** Every row, checked against the Node.js v20 docs (see the module docblock). */
export const BLOCKING_API: readonly BlockingApi[] = [
  row('child_process', 'exec', 'exec'),
  row('child_process', 'execFile', 'exec-file'),
  { module: 'child_process', sync: 'spawnSync', kind: 'no-twin' },
  ...['brotliCompress', 'brotliDecompress', 'deflate', 'deflateRaw', 'gunzip', 'gzip', 'inflate', 'inflateRaw', 'unzip'].map((n) => row('zlib', n)),
  ...['pbkdf2', 'hkdf', 'generateKey', 'generateKeyPair'].map((n) => row('crypto', n)),
  { ...row('crypto', 'scrypt'), tsSignature: (m) => `(password: import(${m}).BinaryLike, salt: import(${m}).BinaryLike, keylen: number, options?: import(${m}).ScryptOptions) => Promise<Buffer>` },
  { ...row('crypto', 'randomFill'), tsSignature: () => '<T extends NodeJS.ArrayBufferView>(buffer: T, offset?: number, size?: number) => Promise<T>' },
  { ...row('crypto', 'checkPrime'), tsSignature: (m) => `(candidate: import(${m}).LargeNumberLike, options?: import(${m}).CheckPrimeOptions) => Promise<boolean>` },
  { ...row('crypto', 'generatePrime'), tsUntyped: true },
];

const BY_MODULE = new Map<string, Map<string, BlockingApi>>();
for (const api of BLOCKING_API) {
  const names = BY_MODULE.get(api.module) ?? new Map<string, BlockingApi>();
  names.set(api.sync, api);
  BY_MODULE.set(api.module, names);
}

/** Is `file` TypeScript (by extension)? */
export const isTypeScriptFile = (file: string): boolean => /\.[cm]?tsx?$/i.test(file);

/** `node:zlib` → `zlib`; undefined when the specifier is not a module of the table. */
export function blockingModuleOf(specifier: string): BlockingModule | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return BY_MODULE.has(bare) ? (bare as BlockingModule) : undefined;
}

/** The row for `name` of module `specifier` (with or without `node:`), or undefined. */
export function lookupBlockingApi(specifier: string, name: string): BlockingApi | undefined {
  const module = blockingModuleOf(specifier);
  return module ? BY_MODULE.get(module)?.get(name) : undefined;
}

/** Every sync name of the table, for findings and prefilters. */
export const BLOCKING_SYNC_NAMES: readonly string[] = BLOCKING_API.map((a) => a.sync);

const MODULE_BINDING = /(?:\brequire\s*\(|\bfrom)\s*(['"`])(?:node:)?(?:child_process|zlib|crypto)\1/;

/**
 * Cheap text test: can `source` hold a site of the table? True when it binds child_process, zlib or
 * crypto (`require`, `import … from`, `import x = require`) and names a `…Sync` function, or contains
 * `Atomics.wait`. Never false for a file the blocking-apis transform would touch.
 */
export function mightUseBlockingApi(source: string): boolean {
  if (source.includes('Atomics.wait')) return true;
  return source.includes('Sync') && MODULE_BINDING.test(source);
}

// ── The decision, on syntax-neutral facts (built from babel by the transform, from TypeScript by the plan) ──

/** What is statically known about one argument. */
export type ArgFact =
  | { kind: 'string'; value: string }
  | { kind: 'array' | 'spread' | 'other' | 'null' | 'undefined' }
  | { kind: 'object'; props: Readonly<Record<string, PropFact>>; opaque: boolean };

/** One property of an object-literal argument: `opaque` for a spread or computed key (then `props` may be incomplete). */
export type PropFact = { kind: 'string' | 'null'; value?: string } | { kind: 'other' };

/** What the decision needs to know about one call. */
export interface BlockingCallFacts {
  api: BlockingApi;
  args: readonly ArgFact[];
  /** False when the call is a whole expression statement (its value is discarded). */
  resultUsed: boolean;
  /** A `catch` around the call, in the same function, reads the caught error (anything but `throw e`). */
  catchReadsError: boolean;
  /** The file is TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`). */
  typescript: boolean;
}

/** The blocking-apis reason codes a decision may carry (src/core/reasons/blocking-apis.ts). */
export type BlockingCode = 'AM700' | 'AM701' | 'AM702' | 'AM710' | 'AM711' | 'AM712' | 'AM713' | 'AM714' | 'AM715' | 'AM716' | 'AM717';

/** The decision for one call of the table (the context where `await` lands is checked apart). */
export type BlockingDecision =
  | {
      rewrite: true;
      code: 'AM700' | 'AM701' | 'AM702';
      shape: 'exec' | 'callback' | 'sleep';
      /** exec shapes: add `encoding: 'buffer'` (to the options at `optionsIndex`, or as a new last argument). */
      addBufferEncoding?: boolean;
      /** Index of the object-literal options argument, when there is one. */
      optionsIndex?: number;
      /** exec shapes: take `.stdout` (the result is read). */
      stdout?: boolean;
      /** sleep: the delay in milliseconds, as source text. */
      sleepMs?: string;
    }
  | { rewrite: false; code: BlockingCode; message: string };

const SLEEP_COMMAND = /^\s*sleep\s+(\d+(?:\.\d+)?)\s*$/;

/** `execSync('sleep 2')` → `2000` (ms as text); undefined for any other command. */
export function sleepCommandMs(command: string): string | undefined {
  const match = SLEEP_COMMAND.exec(command);
  if (!match) return undefined;
  const ms = Math.round(Number(match[1]) * 1000);
  return Number.isFinite(ms) ? String(ms) : undefined;
}

/** The exec/execFile options argument's index, or a refusal when it cannot be told from args. */
function optionsIndexOf(api: BlockingApi, args: readonly ArgFact[]): number | 'unknown' {
  if (api.kind === 'exec') return 1;
  // execFileSync(file[, args][, options])
  const second = args[1];
  if (!second || second.kind === 'array' || second.kind === 'null' || second.kind === 'undefined') return 2;
  if (second.kind === 'object') return 1;
  return args.length >= 3 ? 2 : 'unknown';
}

/** Decide an exec/execFile call. */
function decideExec(facts: BlockingCallFacts): BlockingDecision {
  const { api, args } = facts;
  const name = api.sync;
  if (facts.catchReadsError) {
    return { rewrite: false, code: 'AM711', message: `${name}: a surrounding catch reads the thrown error, whose shape differs for ${api.callback} (status → code, no output/pid)` };
  }
  const command = args[0];
  if (api.kind === 'exec' && !facts.resultUsed && args.length === 1 && command?.kind === 'string') {
    const ms = sleepCommandMs(command.value);
    if (ms !== undefined) return { rewrite: true, code: 'AM702', shape: 'sleep', sleepMs: ms };
  }
  const index = optionsIndexOf(api, args);
  if (index === 'unknown') return { rewrite: false, code: 'AM712', message: `${name}: the second argument may be the argument list or the options; they cannot be told apart here` };
  if (args.length > index + 1) return { rewrite: false, code: 'AM715', message: `${name} is called with more arguments than it takes` };
  const options = args[index];
  if (!options || options.kind === 'undefined' || options.kind === 'null') {
    if (options && facts.resultUsed) return { rewrite: false, code: 'AM712', message: `${name}: the options argument is ${options.kind}; encoding: 'buffer' cannot be added to it` };
    return { rewrite: true, code: 'AM700', shape: 'exec', addBufferEncoding: facts.resultUsed, stdout: facts.resultUsed };
  }
  if (options.kind !== 'object') return { rewrite: false, code: 'AM712', message: `${name}: the options are not an object literal; input, stdio and encoding cannot be checked` };
  if (options.opaque) return { rewrite: false, code: 'AM712', message: `${name}: the options object has a spread or a computed key; input, stdio and encoding cannot be checked` };
  if (options.props.input) return { rewrite: false, code: 'AM713', message: `${name}: the input option has no equivalent in promisified ${api.callback}` };
  if (options.props.stdio) return { rewrite: false, code: 'AM714', message: `${name}: the stdio option has no equivalent in promisified ${api.callback}` };
  const encoding = options.props.encoding;
  if (encoding && encoding.kind === 'other' && facts.resultUsed) {
    return { rewrite: false, code: 'AM712', message: `${name}: the encoding option is not a literal, so whether the result is a Buffer or a string cannot be kept` };
  }
  return { rewrite: true, code: 'AM700', shape: 'exec', addBufferEncoding: facts.resultUsed && !encoding, optionsIndex: index, stdout: facts.resultUsed };
}

/**
 * Decide one call of the table from its facts. Never throws. API-level and argument-level reasons
 * only: the caller checks where the `await` would land (AM1xx).
 */
export function decideBlockingCall(facts: BlockingCallFacts): BlockingDecision {
  const { api } = facts;
  if (api.kind === 'no-twin') return { rewrite: false, code: 'AM710', message: `${api.sync} returns a result object ({ status, stdout, stderr, … }) that no promise API resolves to` };
  if (facts.args.some((a) => a.kind === 'spread')) return { rewrite: false, code: 'AM715', message: `${api.sync}(...) is called with spread arguments the rewrite cannot check` };
  if (api.kind === 'exec' || api.kind === 'exec-file') return decideExec(facts);
  if (api.tsUntyped && facts.typescript) return { rewrite: false, code: 'AM717', message: `promisified ${api.callback} has no type that keeps ${api.sync}'s result type in TypeScript` };
  return { rewrite: true, code: 'AM701', shape: 'callback' };
}

/** The idiom `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), 0, 0, ms)`, as facts: only the timeout ends it. */
export interface AtomicsWaitFacts {
  /** The first argument is a fresh `new Int32Array(new SharedArrayBuffer(…))`, index and value the literal 0. */
  freshBuffer: boolean;
  /** Source text of the timeout, or undefined when there is none (it would wait forever). */
  timeoutText?: string;
  resultUsed: boolean;
}

/** Decide an `Atomics.wait` call: the sleep idiom as a statement becomes `await setTimeout(ms)`. */
export function decideAtomicsWait(facts: AtomicsWaitFacts): BlockingDecision {
  if (!facts.freshBuffer) return { rewrite: false, code: 'AM716', message: 'Atomics.wait on a buffer other code may notify is a real wait, not a sleep' };
  if (facts.timeoutText === undefined) return { rewrite: false, code: 'AM716', message: 'Atomics.wait without a timeout waits forever' };
  if (facts.resultUsed) return { rewrite: false, code: 'AM716', message: "the result of Atomics.wait ('timed-out') is read" };
  return { rewrite: true, code: 'AM702', shape: 'sleep', sleepMs: facts.timeoutText };
}
