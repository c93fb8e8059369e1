/**
 * Reason codes: stable identifiers shared by the CLI output, the JSON result, the Markdown report and
 * the SARIF rules. Tests assert codes, never message wording.
 *
 * Ranges:
 * - AM0xx  a rewrite that was applied (fs-promises and friends)
 * - AM1xx  contexts where `await` cannot go (shared by every transform that inserts `await`)
 * - AM2xx  fs API sites that have no safe promise twin
 * - AM3xx  propagate-async (analysis and plan)
 * - AM4xx  hoist-switch-await refusals
 * - AM5xx  collapse-delegation refusals
 * - AM6xx  audit rules
 * - AM9xx  engine problems (parse errors, crashes, output that does not re-parse)
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */

/** Severity of a left-alone site, as shown in summaries and mapped to SARIF `level`. */
export type ReasonLevel = 'error' | 'warning' | 'note';

/** One reason code's documentation. */
export interface ReasonCode {
  /** e.g. `AM101` */
  code: string;
  /** Short title, lower case, no trailing period: `constructor cannot be async`. */
  title: string;
  /** One line: why the tool does not (or did) touch the site. */
  explanation: string;
  /** What a human can do about it. */
  fix: string;
  level: ReasonLevel;
}

const define = <T extends Record<string, Omit<ReasonCode, 'code'>>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([code, r]) => [code, { code, ...r }])) as {
    [K in keyof T]: ReasonCode;
  };

/** Every reason code async-migrate can emit. README documents each one (a test checks that). */
export const REASONS = define({
  // ── AM0xx: rewrites applied ──────────────────────────────────────────────────────────────
  AM001: {
    title: 'sync fs call rewritten to await of its promise twin',
    explanation: 'A blocking *Sync fs call was replaced by `await` of the fs/promises function with the same arguments and result.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM002: {
    title: 'existsSync rewritten to an awaited access check',
    explanation: '`existsSync(p)` has no promise twin; it became `await access(p).then(() => true, () => false)`, which is false on any error, like existsSync.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM003: {
    title: 'stat with throwIfNoEntry: false rewritten with an ENOENT guard',
    explanation: 'fs/promises stat ignores `throwIfNoEntry` before Node 25.7; the rewrite returns undefined for ENOENT and ENOTDIR and rethrows every other error.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },

  // ── AM1xx: contexts where await cannot go ───────────────────────────────────────────────
  AM101: {
    title: 'constructor cannot be async',
    explanation: 'A constructor must return the new object synchronously, so a call inside it cannot be awaited.',
    fix: 'Move the I/O into an async static factory (`static async create()`) or an `init()` method.',
    level: 'warning',
  },
  AM102: {
    title: 'getter or setter cannot be async',
    explanation: 'An accessor that returned a promise would change what every reader of the property sees.',
    fix: 'Turn the accessor into an async method, or load the value ahead of time.',
    level: 'warning',
  },
  AM103: {
    title: 'class field initialiser or static block cannot await',
    explanation: 'Field initialisers and static blocks run synchronously during construction or class definition.',
    fix: 'Initialise the field from an async factory or an explicit async init step.',
    level: 'warning',
  },
  AM104: {
    title: 'CommonJS top level cannot await',
    explanation: 'Top-level await exists only in ES modules; a CommonJS module body runs synchronously inside require().',
    fix: 'Wrap the top-level code in an async main function, or convert the file to an ES module.',
    level: 'warning',
  },
  AM105: {
    title: "process 'exit' handler must stay synchronous",
    explanation: "Node.js does not wait for promises in 'exit' handlers: work after the first await would never run.",
    fix: "Keep the sync call, or move the work to a 'beforeExit' handler or an explicit shutdown function.",
    level: 'warning',
  },
  AM106: {
    title: 'call is in a synchronous function: needs propagate-async',
    explanation: 'Awaiting here makes the enclosing function async, which changes every caller; fs-promises alone does not do that.',
    fix: 'Run the full pipeline (`async-migrate run`, which plans propagate-async) or make the function async by hand.',
    level: 'note',
  },
  AM107: {
    title: 'callback must stay synchronous',
    explanation: 'The callback is called by code that ignores returned promises (sort comparator, event listener, timer, Array.from mapper, …).',
    fix: 'Restructure so the I/O happens before or after the synchronous API, then pass it plain data.',
    level: 'warning',
  },
  AM108: {
    title: 'caller is outside the project',
    explanation: 'The function is declared in a .d.ts file or node_modules, or is called from outside the project, so its callers cannot be changed.',
    fix: 'Keep a synchronous version for those callers, or migrate the other package first.',
    level: 'warning',
  },
  AM109: {
    title: 'function escapes as a value to unknown code',
    explanation: 'The function is passed or stored where the tool cannot see how it is called, so it cannot tell whether the caller would await it.',
    fix: 'Check the receiver by hand; if it handles promises, seed the function with --seed.',
    level: 'warning',
  },
  AM110: {
    title: 'inside a generator or unsupported function kind',
    explanation: 'The enclosing function is a generator or another kind the transform does not make async on its own.',
    fix: 'Run propagate-async, which turns generators into async generators with their consumers.',
    level: 'note',
  },
  AM111: {
    title: 'parameter default value cannot await',
    explanation: '`await` is a syntax error in a parameter list, even in an async function.',
    fix: 'Move the call into the function body (`x = x ?? await …`).',
    level: 'warning',
  },
  AM112: {
    title: 'method called through a value of unknown type',
    explanation: 'Somewhere in the project a method, exported function or function stored in an object under this name is called on a value whose type the checker does not know (`any`, untyped JavaScript, a module loaded by proxyquire or a computed require), so that call may reach this function and would not await it.',
    fix: 'Give the receiver a type (JSDoc or TypeScript) so the call resolves, or make the method async by hand and await that call.',
    level: 'warning',
  },
  AM113: {
    title: 'method with no visible caller',
    explanation: 'No call of this method, and no use of it as a value, is visible in the project, and it is not exported: whatever calls it (a framework, a string-keyed dispatch) is out of sight and might not await it.',
    fix: 'Check who calls it; if that caller handles promises, seed the method with --seed or allow its receiver with --allow-callbacks.',
    level: 'note',
  },
  AM114: {
    title: 'test callback takes a done callback',
    explanation: 'The test function or hook declares a `done` parameter; mocha ("Resolution method is overspecified") and jest reject a test that both takes `done` and returns a promise, so it cannot become async.',
    fix: 'Rewrite the test without `done` (await the operation instead of calling done), then run again.',
    level: 'warning',
  },

  // ── AM2xx: fs API sites with no safe promise twin ───────────────────────────────────────
  AM201: {
    title: 'file-descriptor API has no drop-in promise twin',
    explanation: 'fs/promises works on FileHandle objects, not numeric file descriptors (openSync, readSync, writeSync, fstatSync, closeSync, …).',
    fix: 'Port the surrounding code to `await open()` and FileHandle methods by hand.',
    level: 'warning',
  },
  AM202: {
    title: 'path argument is a file descriptor',
    explanation: 'The first argument is a number (a file descriptor); fs/promises functions take a path or a FileHandle.',
    fix: 'Use the FileHandle method (`handle.readFile()`, `handle.writeFile()`) after porting to `open()`.',
    level: 'warning',
  },
  AM203: {
    title: 'promise twin returns a different shape',
    explanation: 'The fs/promises function exists but does not return the same value (globSync → async iterator, opendirSync → Dir via promise, watch → async iterator, …).',
    fix: 'Rewrite the consuming code by hand for the promise API.',
    level: 'warning',
  },
  AM204: {
    title: 'sync fs function without a promise twin in the table',
    explanation: 'The function is not in the table of sync fs calls with an equivalent promise form.',
    fix: 'Leave it, or rewrite by hand; open an issue if the Node.js docs list a twin.',
    level: 'note',
  },
  AM205: {
    title: 'sync fs function used as a value',
    explanation: 'The function is referenced without being called (passed as a callback or stored), so there is no call to await.',
    fix: 'Wrap it in an async function by hand where the receiver handles promises.',
    level: 'note',
  },
  AM206: {
    title: 'call uses spread arguments the rewrite cannot check',
    explanation: 'With `...args`, the tool cannot tell whether an option (such as throwIfNoEntry) or a file descriptor is passed.',
    fix: 'Spell the arguments out, or rewrite by hand.',
    level: 'note',
  },
  AM207: {
    title: 'stat options are not statically known',
    explanation: 'statSync/lstatSync options that are not an object literal may hold `throwIfNoEntry: false`, which fs/promises (before Node 25.7) ignores.',
    fix: 'Write the options as an object literal, or rewrite by hand with a catch for ENOENT/ENOTDIR.',
    level: 'note',
  },
  AM208: {
    title: 'sync fs function is mocked by the tests',
    explanation: 'A test replaces this sync function or the whole fs module (jest.spyOn, jest.mock(\'fs\'), sinon.stub, proxyquire, an assignment); the fs/promises twin would escape the mock, so the test would reach the real file system.',
    fix: 'Mock the fs/promises function in the test as well (or instead), then run again.',
    level: 'warning',
  },

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
    explanation: 'The function is exported by the package and --public-api=keep was given, so callers outside the project are assumed; it and its callees stay sync.',
    fix: 'Run with --public-api=change (the default) and publish a major version, or add an async twin by hand.',
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
  AM331: {
    title: 'plan entry does not match the file (stale plan)',
    explanation: 'The plan names a function, call or type at an offset where this text has something else (the file changed since the plan was made).',
    fix: 'Make the plan again (`async-migrate plan --json`) on the current texts.',
    level: 'error',
  },

  // ── AM4xx: hoist-switch-await (AM400 rewrite applied, AM410+ chains left alone) ─────────
  AM400: {
    title: 'awaits of one callee hoisted out of the arms',
    explanation: 'The arms of a switch, if chain or conditional all awaited the same callee; each arm now computes only its differing arguments and one await follows.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM410: {
    title: 'callee is not the same binding in every arm',
    explanation: 'The callee has the same text in the arms but resolves to different declarations (one is declared inside an arm, or shadowed), so one call after the chain would call something else.',
    fix: 'Rename the inner declaration, or hoist by hand if the arms really call different functions.',
    level: 'note',
  },
  AM411: {
    title: 'callee evaluation could have effects',
    explanation: 'The callee is not a plain name or a property chain on a name or `this` (a call, a computed key, optional chaining); evaluating it after the arguments instead of before could be observed.',
    fix: 'Store the callee in a const before the chain, then run the transform again.',
    level: 'note',
  },
  AM412: {
    title: 'callee may change before the hoisted call',
    explanation: 'The callee binding is reassigned in its scope, its property chain is assigned in the arms, or a moved argument awaits before a property-chain, global or imported (live binding) callee would be read.',
    fix: 'Read the callee into a const before the chain, or leave the arms as they are.',
    level: 'note',
  },
  AM413: {
    title: 'switch case falls through',
    explanation: 'A non-empty case does not end in break, return or throw, so control runs into the next case; the arms cannot be rewritten independently.',
    fix: 'End each case explicitly, then run the transform again.',
    level: 'note',
  },
  AM414: {
    title: 'break leaves the switch before the shared call',
    explanation: 'An arm has a `break` that leaves the switch early; after hoisting, that path would reach the call placed after the switch.',
    fix: 'Restructure the arm (return or throw instead of break), or leave it.',
    level: 'note',
  },
  AM415: {
    title: 'await or yield in the discriminant or conditions',
    explanation: 'The switch discriminant, a case test or an if condition suspends; moving the call relative to it is not proven safe.',
    fix: 'Await the value into a const before the chain, then run the transform again.',
    level: 'note',
  },
  AM416: {
    title: 'no default or final else',
    explanation: 'When no case matches (or no condition holds) control leaves the chain without the call; a hoisted call would run on that path.',
    fix: 'Add a `default:`/`else` that throws or returns if that path is impossible, then run the transform again.',
    level: 'note',
  },
  AM417: {
    title: 'an arm ends without the shared call',
    explanation: 'An arm ends some other way than the shared awaited call, `throw` or `return` (a bare break, another call, an assignment next to returns), so it would reach the hoisted call.',
    fix: 'Make the arm throw or return, or leave the chain as it is.',
    level: 'note',
  },
  AM418: {
    title: 'await inside try/catch/finally or a using scope',
    explanation: 'The awaited call sits inside a try block or in the scope of a `using` declaration; one await after the chain would move it out, changing which handler sees a rejection or when a resource is disposed.',
    fix: 'Leave it, or move the try/using around the whole chain by hand.',
    level: 'note',
  },
  AM419: {
    title: 'arguments cannot be lined up across arms',
    explanation: 'The arms pass different numbers of arguments to the callee, or a spread argument differs (or would have to move into a temporary).',
    fix: 'Pass the same argument list in every arm, then run the transform again.',
    level: 'note',
  },
  AM420: {
    title: 'type of a temporary is unknown',
    explanation: 'In TypeScript the differing arguments go into typed temporaries; without a type checker the type of one argument (a call result, a property, an unannotated name) is not known, and an untyped `let` would be an implicit any.',
    fix: 'Annotate the variable passed (or add `as T`), then run the transform again.',
    level: 'note',
  },
  AM421: {
    title: 'arms assign the result to different variables',
    explanation: 'The arms await the same callee but store the result in different variables, so there is no single assignment to hoist.',
    fix: 'Assign to one variable in every arm, or leave the chain as it is.',
    level: 'note',
  },
  AM422: {
    title: 'conditional test or earlier arguments have side effects',
    explanation: 'Hoisting `c ? await f(a) : await f(b)` evaluates `c` after the callee and the arguments before the differing one (and once per differing argument); that is only unobservable when they have no side effects.',
    fix: 'Compute the condition (or the argument) into a const first, then run the transform again.',
    level: 'note',
  },
  AM423: {
    title: 'chain is not directly in a block',
    explanation: 'The switch or if chain is labelled or is the unbraced body of another statement, so there is no statement list to put the hoisted call in.',
    fix: 'Add braces (or remove the label), then run the transform again.',
    level: 'note',
  },

  // ── AM5xx: collapse-delegation (AM500 rewrite applied, AM501+ wrappers left alone) ─────
  AM500: {
    title: 'delegating async wrapper collapsed',
    explanation: '`async` and `await` were removed from a wrapper whose only job is to return an async callee\'s promise; callers get the same promise result without an extra promise and frame.',
    fix: 'Nothing to do; review the diff (the wrapper no longer appears in async stack traces).',
    level: 'note',
  },
  AM501: {
    title: 'callee not known to return a promise on every path',
    explanation: 'The callee is not an async function declared in this file (imported, a property of another object, reassigned, optional, or not async), and no project analysis vouched for it.',
    fix: 'Run the full pipeline so the project analysis can answer, or collapse by hand after checking the callee always returns a promise and never throws synchronously.',
    level: 'note',
  },
  AM502: {
    title: 'an argument may throw before the promise exists',
    explanation: 'An argument is a property read, call, spread, template with substitutions, undeclared global or possibly uninitialised binding; in an async wrapper its throw is a rejection, in a collapsed one a synchronous throw.',
    fix: 'Keep the wrapper async, or compute the argument in the caller.',
    level: 'note',
  },
  AM503: {
    title: 'callee may throw synchronously',
    explanation: 'Evaluating the callee can throw before the call: a const still in its temporal dead zone, `this` before super(), or a `this.m` callee when collapseThisCalls is off.',
    fix: 'Keep the wrapper async, or move the declaration above every use.',
    level: 'note',
  },
  AM504: {
    title: 'wrapper uses arguments',
    explanation: 'The wrapper reads `arguments`; the transform only collapses wrappers whose inputs are plain parameters.',
    fix: 'Replace `arguments` with a rest parameter, then run again.',
    level: 'note',
  },
  AM505: {
    title: 'parameter default or destructuring may throw',
    explanation: 'Binding the parameters can throw (destructuring null/undefined, a default value that runs code); an async function turns that into a rejection, a plain function throws at the caller.',
    fix: 'Keep the wrapper async, or destructure in the callee.',
    level: 'note',
  },
  AM506: {
    title: 'return await inside try/catch/finally',
    explanation: 'Inside try, `return await` lets catch/finally see the rejection; without the await they would not.',
    fix: 'Nothing to do: the await is needed.',
    level: 'note',
  },
  AM507: {
    title: 'return after a using declaration',
    explanation: 'With `using`, the resource is disposed when the function returns; without the await, that happens before the callee settles.',
    fix: 'Nothing to do: the await is needed.',
    level: 'note',
  },
  AM508: {
    title: 'async generator is not a promise-returning wrapper',
    explanation: 'An async generator returns an async iterator; removing `async` would change what callers get.',
    fix: 'Nothing to do.',
    level: 'note',
  },
  AM509: {
    title: 'wrapper belongs to a method family',
    explanation: 'Its class extends another class, implements an interface, is abstract, or is extended in this file; members of one family change together or not at all.',
    fix: 'Collapse every member of the family by hand if they all qualify, or leave them.',
    level: 'note',
  },
  AM510: {
    title: 'this.method may be overridden or replaced',
    explanation: 'The callee is `this.m`, but the class is exported, anonymous, passed around, extended, or the file writes a property of that name, so at run time `this.m` may not be the async method.',
    fix: 'Keep the wrapper async, make the method private (#m), or collapse by hand after checking every subclass.',
    level: 'note',
  },
  AM511: {
    title: 'decorated wrapper',
    explanation: 'The wrapper or its class has a decorator, which may wrap it or check that it is an AsyncFunction.',
    fix: 'Check what the decorator does; collapse by hand if it does not care.',
    level: 'note',
  },
  AM512: {
    title: 'wrapper delegates to itself',
    explanation: 'The callee is the wrapper itself, so it is not a delegation to another async function.',
    fix: 'Nothing to do.',
    level: 'note',
  },
  AM513: {
    title: 'deleting async/await would change how the code parses',
    explanation: 'A comment right after `await`, a generic arrow in a .tsx file, or an arrow at the start of a statement would parse differently without the keyword.',
    fix: 'Collapse by hand (for .tsx generics write `<T,>(…) =>`).',
    level: 'note',
  },

  // ── AM6xx: audit rules (severity in src/audit/rules.ts) ─────────────────────────────────
  AM601: {
    title: 'blocking call inside an async function',
    explanation: 'A synchronous fs, child_process, zlib or crypto call (or Atomics.wait) inside an async function blocks the event loop for every concurrent request while it runs.',
    fix: 'Await the promise form (`await readFile(p)` for `readFileSync(p)`); `async-migrate run -t fs-promises` rewrites fs calls.',
    level: 'error',
  },
  AM602: {
    title: 'blocking call inside a promise callback',
    explanation: 'A blocking call inside a `then`/`catch`/`finally` callback runs on the event loop in the middle of asynchronous work.',
    fix: 'Make the callback async and await the promise form of the call, or move the call out of the chain.',
    level: 'error',
  },
  AM603: {
    title: 'blocking call in a synchronous function reachable from async code',
    explanation: 'The function is synchronous, but an async function calls it (the finding names the chain), so the blocking call runs on an async path.',
    fix: 'Run `async-migrate run` (propagate-async makes the chain async), or move the I/O up into the async caller.',
    level: 'error',
  },
  AM604: {
    title: 'async callback passed to an array method that ignores its promise',
    explanation: '`forEach` drops the promise an async callback returns (nothing waits, rejections go unhandled); `filter`/`some`/`every`/`find` read the promise as always truthy.',
    fix: 'Use `for…of` with `await`, or `await Promise.all(xs.map(async …))` and then the sync method on the results.',
    level: 'error',
  },
  AM605: {
    title: 'async event listener or timer callback: its promise floats',
    explanation: 'Event emitters, timers and process.nextTick ignore the promise an async callback returns, so a rejection is unhandled and nothing waits for the work.',
    fix: 'Catch inside the callback (`try { … } catch (e) { … }`) or hand the promise to something that handles it.',
    level: 'error',
  },
  AM606: {
    title: 'promise of an async function call is neither awaited, returned, stored nor handled',
    explanation: 'The call starts async work whose result and errors nobody observes; the caller goes on before it finishes.',
    fix: 'Add `await`, return the promise, or handle it (`.catch(…)`); write `void f()` to mark a deliberate fire-and-forget.',
    level: 'error',
  },
  AM607: {
    title: 'async function without await',
    explanation: 'The function is async but never awaits and does not delegate to a promise-returning call, so `async` only wraps its result in a promise.',
    fix: 'Drop `async` if no caller needs a promise (note: errors then throw synchronously), or await the work it starts.',
    level: 'warning',
  },
  AM608: {
    title: 'pure-delegation wrapper',
    explanation: 'The async function only returns await of another call; collapse-delegation would collapse it (the finding shows the replacement).',
    fix: 'Run `async-migrate run -t collapse-delegation`, or review the wrapper by hand.',
    level: 'warning',
  },
  AM609: {
    title: 'delegation candidate that collapse-delegation refuses',
    explanation: 'The function looks like a delegation wrapper, but collapse-delegation leaves it alone for the reason code named in the finding.',
    fix: 'Read the named reason code; collapse by hand only if that reason does not apply.',
    level: 'warning',
  },
  AM610: {
    title: 'hoistable switch or if chain',
    explanation: 'Every branch of the switch or if chain awaits the same kind of call; hoist-switch-await would hoist the await out of the branches.',
    fix: 'Run `async-migrate run -t hoist-switch-await`, or restructure by hand.',
    level: 'warning',
  },
  AM611: {
    title: 'blocking call at module top level',
    explanation: 'The call runs once while the module loads, before any async work; it is reported but not counted against the async score.',
    fix: 'Usually fine (startup configuration); in an ES module `await` of the promise form also works at top level.',
    level: 'note',
  },
  AM612: {
    title: 'blocking call in CLI-only code',
    explanation: 'The call is in a file with a shebang or inside a `require.main === module` block and is not reached from async code; a command-line tool may block.',
    fix: 'Nothing to do unless the code is also used as a library.',
    level: 'note',
  },
  AM613: {
    title: 'blocking call in a synchronous function not reached from async code',
    explanation: 'No async function reaches this function through the call graph the audit could resolve, so it blocks only synchronous callers.',
    fix: 'Nothing urgent; migrate it together with its callers when they become async.',
    level: 'note',
  },

  // ── AM9xx: engine ───────────────────────────────────────────────────────────────────────
  AM901: {
    title: 'file does not parse',
    explanation: 'The file has a syntax error (or uses syntax the parser for its extension does not accept); it was skipped.',
    fix: 'Fix the syntax error, or exclude the file with --ignore.',
    level: 'error',
  },
  AM902: {
    title: 'transform failed on this file',
    explanation: 'The transform threw while processing the file; the file was left unchanged and the others went on.',
    fix: 'Report a bug with the file (or a reduced copy); exclude it with --ignore meanwhile.',
    level: 'error',
  },
  AM903: {
    title: 'transformed output does not re-parse',
    explanation: 'The new text failed to parse, so it was not written.',
    fix: 'Report a bug with the file; the original is untouched.',
    level: 'error',
  },
  AM904: {
    title: 'file cannot be read as UTF-8 text',
    explanation: 'The file could not be read, or its bytes are not valid UTF-8, so a rewrite could not keep it byte for byte; it was skipped.',
    fix: 'Check the file permissions, or convert the file to UTF-8; exclude it with --ignore meanwhile.',
    level: 'error',
  },
  AM905: {
    title: 'file could not be written',
    explanation: 'With --write, the new text could not be put on disk (permissions, or the file changed on disk after it was read); the file was left as it was.',
    fix: 'Check the message, then run again.',
    level: 'error',
  },
  AM906: {
    title: 'file left unchanged because the migrated project failed verification',
    explanation: 'A verify step found problems in the result as a whole (see the findings with their files), so no file was changed: a half-applied migration is worse than none.',
    fix: 'Fix or exclude the files with the reported problems (or pass the option that skips verification), then run again.',
    level: 'error',
  },
  AM907: {
    title: 'project analysis failed: the transform that needs it was skipped',
    explanation: 'A project-wide analysis (such as propagate-async loading the project) threw; the transforms that do not need it still ran, so only calls already in async code were rewritten.',
    fix: 'Report a bug with the message; meanwhile run with -t for the other transforms, or fix what the message names (tsconfig, files).',
    level: 'error',
  },
});

/** A known reason code identifier, such as `'AM101'`. */
export type ReasonCodeId = keyof typeof REASONS | (string & {});

/**
 * Look up a reason code.
 * @throws Error when the code is unknown (a bug in a transform, not a user error).
 */
export function getReasonOrThrow(code: string): ReasonCode {
  const reason = (REASONS as Record<string, ReasonCode>)[code];
  if (!reason) throw new Error(`unknown reason code ${code}`);
  return reason;
}
