/**
 * collapse-delegation, run for real: evaluate code before and after the transform and compare what
 * callers observe — a synchronous throw, or the value/reason the returned promise settles with.
 *
 * 1. Wrappers the transform collapses behave the same for good and bad inputs.
 * 2. For each main refusal, collapsing by hand *would* change behaviour: the condition guards a real
 *    difference (the arguments in the transform's header docblock, checked).
 */
import * as vm from 'vm';
import { applyTransform, type TransformModule } from '../src/engine/apply';
import * as collapseDelegation from '../transforms/collapse-delegation';

const transform = collapseDelegation as unknown as TransformModule;

type Outcome = { kind: 'sync-throw'; message: string } | { kind: 'resolved'; value: unknown; isPromise: boolean } | { kind: 'rejected'; message: string; isPromise: boolean };

/** Evaluate CommonJS `source` and return its exports. */
function load(source: string): Record<string, (...args: unknown[]) => unknown> {
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  vm.runInNewContext(source, { module, exports: module.exports, Promise, Error, TypeError });
  return module.exports;
}

/** What a caller observes when calling `fn(...args)`. */
async function observe(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (err) {
    return { kind: 'sync-throw', message: (err as Error).message };
  }
  const isPromise = result instanceof Promise || Object.prototype.toString.call(result) === '[object Promise]';
  try {
    return { kind: 'resolved', value: await result, isPromise };
  } catch (err) {
    return { kind: 'rejected', message: (err as Error).message, isPromise };
  }
}

const INPUTS: unknown[][] = [['x', 'y'], ['bad'], [], [undefined], [null, 0]];

const COLLAPSIBLE = `
async function inner(a, b) {
  if (a === 'bad') throw new Error('inner rejects ' + a);
  return [a, b];
}
async function wrapA(a, b = 2) {
  return await inner(a, b);
}
const wrapB = async (...xs) => inner(...xs);
const wrapC = async function (a) { return await wrapA(a, 'literal'); };
class K {
  async #p(a) {
    if (!a) throw new TypeError('no a');
    return a;
  }
  async m(a) {
    return await this.#p(a);
  }
  q = async (a) => this.m(a);
}
const k = new K();
module.exports = { wrapA, wrapB, wrapC, m: (a) => k.m(a), q: (a) => k.q(a) };
`;

describe('collapse-delegation: collapsed wrappers behave the same', () => {
  test('same value or rejection reason, always a promise, never a synchronous throw', async () => {
    const result = applyTransform(transform, 'behaviour.js', COLLAPSIBLE, {});
    expect(result.findings.filter((f) => f.code === 'AM500')).toHaveLength(5);
    expect(result.output).toBeDefined();
    expect(result.output).not.toMatch(/await (inner|wrapA|this)/);
    const before = load(COLLAPSIBLE);
    const after = load(result.output as string);
    for (const name of Object.keys(before)) {
      for (const args of INPUTS) {
        const b = await observe(before[name], args);
        const a = await observe(after[name], args);
        expect({ name, args, outcome: a }).toEqual({ name, args, outcome: b });
        expect(a.kind).not.toBe('sync-throw');
      }
    }
  });
});

/** The hand-collapsed version: what the transform would produce if it ignored the refusal. */
function collapseByHand(source: string): string {
  return source.replace(/async (?=function|\(|[a-z]+\()/g, '').replace(/await /g, '');
}

const REFUSALS: Array<{ code: string; source: string; args: unknown[] }> = [
  {
    code: 'AM501', // callee returns a promise but throws synchronously on bad input
    source: `function load(id) { if (typeof id !== 'string') throw new TypeError('id'); return Promise.resolve(id); }
async function get(id) { return await load(id); }
module.exports = { get };`,
    args: [42],
  },
  {
    code: 'AM502', // a property read in the arguments
    source: `async function send(v) { return v; }
async function nested(a) { return await send(a.b); }
module.exports = { nested };`,
    args: [undefined],
  },
  {
    code: 'AM505', // destructuring parameter
    source: `async function save(id) { return id; }
async function saveItem({ id }) { return await save(id); }
module.exports = { saveItem };`,
    args: [undefined],
  },
  {
    code: 'AM506', // return await inside try
    source: `async function fetchRow(id) { throw new Error('down'); }
async function safeFetch(id) { try { return await fetchRow(id); } catch (e) { return 'fallback'; } }
module.exports = { safeFetch };`,
    args: [1],
  },
  {
    code: 'AM509', // a subclass overrides the callee with a plain method
    source: `class Client { async fetch(u) { return u; } async get(u) { return await this.fetch(u); } }
class Plain extends Client { fetch(u) { return 'plain:' + u; } }
module.exports = { get: (u) => new Plain().get(u) };`,
    args: ['x'],
  },
  {
    code: 'AM503', // const callee in its temporal dead zone
    source: `const early = async (job) => await later(job);
const result = early(1);
const later = async (job) => job;
module.exports = { result: () => result };`,
    args: [],
  },
];

describe('collapse-delegation: each refusal guards a real difference', () => {
  for (const r of REFUSALS) {
    test(`${r.code}: the transform refuses, and collapsing by hand changes what callers see`, async () => {
      const result = applyTransform(transform, 'refusal.js', r.source, {});
      expect(result.output).toBeUndefined();
      expect(result.findings.map((f) => f.code)).toContain(r.code);
      const hand = collapseByHand(r.source);
      expect(hand).not.toBe(r.source);
      const observeModule = async (source: string): Promise<Outcome> => {
        let exports: Record<string, (...args: unknown[]) => unknown>;
        try {
          exports = load(source);
        } catch (err) {
          return { kind: 'sync-throw', message: (err as Error).message };
        }
        const [name] = Object.keys(exports);
        return observe(exports[name], r.args);
      };
      const before = await observeModule(r.source);
      const after = await observeModule(hand);
      expect(after).not.toEqual(before);
    });
  }
});
