/**
 * Reason codes AM0xx (rewrites applied by fs-promises and friends) and AM1xx (contexts where
 * `await` cannot go, shared by every transform that inserts `await`).
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const REWRITE_REASONS = define({
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
    explanation: 'A constructor must return the new object synchronously, so a call inside it cannot be awaited. This includes a JavaScript constructor function (the ES5 class pattern: called with `new`, its `prototype` used, or passed first to `util.inherits`), which cannot become async at all.',
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
    explanation: 'The enclosing function is a generator or another kind the transform does not make async on its own. From propagate-async: the generator would become an async generator, but a consumer needs it sync — stored and used other than by .next()/.return()/.throw() in the same function, passed on, a spread among other elements or into call arguments, or (without Array.fromAsync on the target) a spread or Array.from whose array is used inside an expression, destructured, or mapped.',
    fix: 'Run propagate-async, which turns generators into async generators with their consumers (for…of → for await…of; it.next() → await it.next(); Array.from(gen()) and [...gen()] → Array.fromAsync on node22+, else a for await collection when the array is declared, returned or assigned on its own statement); move other consumers to one of those shapes.',
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
});
