/**
 * hoist-switch-await, run for real: evaluate code before and after the transform and compare what can
 * be observed — every call and argument evaluation in order, the result or the error — for every
 * branch of each chain.
 *
 * 1. Chains the transform rewrites behave the same on every path (and the transform did rewrite them).
 * 2. For the main refusals, hoisting by hand *would* change behaviour: the condition guards a real
 *    difference, and the transform leaves that code as it is.
 */
import * as vm from 'vm';
import { applyTransform, type TransformModule } from '../src/engine/apply';
import * as hoistSwitchAwait from '../transforms/hoist-switch-await';

const transform = hoistSwitchAwait as unknown as TransformModule;

type Outcome = { log: string[]; result?: unknown; error?: string };

/**
 * Evaluate CommonJS `source` with a fresh `log` and helpers, call `exports.run(input)` and return
 * everything that was observed. `f`/`g` are async callees that log their arguments; `arg(x)` logs that
 * an argument was evaluated and returns it.
 */
async function observe(source: string, input: unknown): Promise<Outcome> {
  const log: string[] = [];
  const module = { exports: {} as { run(input: unknown): Promise<unknown> } };
  const f = async (...args: unknown[]) => {
    log.push(`f(${args.map(String).join(',')})`);
    await null;
    if (args[0] === 'reject') throw new Error('f rejected');
    return `f:${args.map(String).join(',')}`;
  };
  const g = async (...args: unknown[]) => {
    log.push(`g(${args.map(String).join(',')})`);
    return `g:${args.map(String).join(',')}`;
  };
  const arg = (x: unknown) => {
    log.push(`arg ${String(x)}`);
    return x;
  };
  vm.runInNewContext(source, { module, exports: module.exports, f, g, arg, log, Error, Promise });
  try {
    return { log, result: await module.exports.run(input) };
  } catch (err) {
    return { log, error: (err as Error).message };
  }
}

function hoist(source: string): { output: string | undefined; codes: string[] } {
  const { output, findings } = applyTransform(transform, 'behaviour.js', source, {});
  return { output, codes: findings.map((x) => x.code) };
}

const REWRITTEN: Array<{ name: string; inputs: unknown[]; source: string }> = [
  {
    name: 'switch with return arms, grouped labels, exits and arguments with effects',
    inputs: [1, 2, 3, 4, 5, 'other'],
    source: `
module.exports.run = async function run(k) {
  const base = 'b';
  switch (k) {
    case 1:
      log.push('arm 1');
      return await f(base, arg('one'), arg(k));
    case 2:
    case 3:
      if (k === 3) log.push('three');
      return await f(base, arg('two-three'), arg(k));
    case 4:
      return await g('not the shared callee');
    case 5:
      throw new Error('five');
    default:
      return await f(base, arg('default'), arg(0));
  }
};`,
  },
  {
    name: 'switch with assignment arms, a return exit and a last case without break',
    inputs: ['a', 'b', 'c', 'z'],
    source: `
module.exports.run = async function run(k) {
  let out = 'unset';
  switch (k) {
    case 'a':
      out = await f(arg(1), 'same');
      break;
    case 'c':
      return 'early';
    case 'b':
      out = await f(arg(2), 'same');
      break;
    default:
      out = await f(arg(3), 'same');
  }
  log.push('after ' + out);
  return out;
};`,
  },
  {
    name: 'if chain inside a loop with continue and break to an outer label',
    inputs: [[1, 2, 3], [0, 5], [0, 9, 2], [200, 4], []],
    source: `
module.exports.run = async function run(items) {
  outer: for (const x of items) {
    log.push('item ' + x);
    if (x === 0) {
      continue;
    } else if (x === 9) {
      break outer;
    } else if (x % 2) {
      return await f('odd', arg(x));
    } else {
      if (x > 100) continue;
      return await f('even', arg(x));
    }
  }
  return 'none';
};`,
  },
  {
    name: 'if chain assigning the result, with an arm that throws',
    inputs: [0, 1, 2],
    source: `
module.exports.run = async function run(k) {
  let v;
  if (k === 0) {
    v = await f(arg('zero'), k);
  } else if (k === 1) {
    throw new Error('one');
  } else {
    v = await f(arg('many'), k);
  }
  return v + '!';
};`,
  },
  {
    name: 'conditional expressions, nested, with identical arguments around the differing one',
    inputs: [[true, true], [true, false], [false, true], [false, false]],
    source: `
module.exports.run = async function run([a, b]) {
  const x = a ? await f('p', arg(1), 'q') : await f('p', arg(2), 'q');
  const y = a ? await f(1) : b ? await f(2) : await f(3);
  return [x, y];
};`,
  },
  {
    name: 'identical argument with effects before a moved one keeps its evaluation order',
    inputs: [1, 2],
    source: `
module.exports.run = async function run(k) {
  switch (k) {
    case 1:
      return await f(arg('first'), arg('one'));
    default:
      return await f(arg('first'), arg('other'));
  }
};`,
  },
  {
    name: 'property-chain callee on this',
    inputs: ['x', 'y'],
    source: `
class Service {
  constructor() { this.repo = { get: (...a) => f('repo', ...a) }; }
  async fetch(kind) {
    if (kind === 'x') return await this.repo.get(arg('x-table'), 1);
    else return await this.repo.get(arg('y-table'), 1);
  }
}
module.exports.run = (k) => new Service().fetch(k);`,
  },
];

describe('hoist-switch-await keeps behaviour', () => {
  for (const c of REWRITTEN) {
    test(c.name, async () => {
      const { output, codes } = hoist(c.source);
      expect(output).toBeDefined();
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code) => code === 'AM400')).toBe(true);
      for (const input of c.inputs) {
        expect([input, await observe(output as string, input)]).toEqual([input, await observe(c.source, input)]);
      }
    });
  }
});

/** Refused shapes, each with the naive hoist a careless rewrite would produce. */
const REFUSED: Array<{ name: string; code: string; inputs: unknown[]; source: string; naive: string }> = [
  {
    name: 'AM416 switch without default',
    code: 'AM416',
    inputs: ['a', 'zzz'],
    source: `
module.exports.run = async function run(k) {
  switch (k) {
    case 'a': return await f(1);
    case 'b': return await f(2);
  }
  return 'no match';
};`,
    naive: `
module.exports.run = async function run(k) {
  let t;
  switch (k) {
    case 'a': t = 1; break;
    case 'b': t = 2; break;
  }
  return await f(t);
  return 'no match';
};`,
  },
  {
    name: 'AM414 break out of the switch before the call',
    code: 'AM414',
    inputs: [1, -1],
    source: `
module.exports.run = async function run(k) {
  switch (k) {
    case 1: return await f('one');
    default:
      if (k < 0) break;
      return await f('other');
  }
  return 'broke out';
};`,
    naive: `
module.exports.run = async function run(k) {
  let t;
  switch (k) {
    case 1: t = 'one'; break;
    default:
      if (k < 0) break;
      t = 'other'; break;
  }
  return await f(t);
  return 'broke out';
};`,
  },
  {
    name: 'AM412 callee property assigned in an arm',
    code: 'AM412',
    inputs: [true],
    source: `
const o = { call: f };
module.exports.run = async function run(swap) {
  if (swap) {
    return await o.call(arg((o.call = g, 'swapped')));
  } else {
    return await o.call('kept');
  }
};`,
    naive: `
const o = { call: f };
module.exports.run = async function run(swap) {
  let t;
  if (swap) {
    t = arg((o.call = g, 'swapped'));
  } else {
    t = 'kept';
  }
  return await o.call(t);
};`,
  },
  {
    name: 'AM422 conditional test with side effects',
    code: 'AM422',
    inputs: [[1, 2]],
    source: `
module.exports.run = async function run(queue) {
  return queue.shift() === 1 ? await f('a', queue.length) : await f('b', queue.length);
};`,
    naive: `
module.exports.run = async function run(queue) {
  return await f(queue.shift() === 1 ? 'a' : 'b', queue.shift() === 1 ? queue.length : queue.length);
};`,
  },
  {
    name: 'AM418 await inside try',
    code: 'AM418',
    inputs: [1],
    source: `
module.exports.run = async function run(k) {
  switch (k) {
    case 1:
      try {
        return await f(arg('reject'));
      } catch (e) {
        return 'caught';
      }
    default:
      return await f('other');
  }
};`,
    naive: `
module.exports.run = async function run(k) {
  let t;
  switch (k) {
    case 1:
      try {
        t = arg('reject');
      } catch (e) {
        return 'caught';
      }
      break;
    default:
      t = 'other';
  }
  return await f(t);
};`,
  },
];

describe('hoist-switch-await refusals guard real differences', () => {
  for (const c of REFUSED) {
    test(c.name, async () => {
      const { output, codes } = hoist(c.source);
      expect(output).toBeUndefined();
      expect(codes).toEqual([c.code]);
      const differs = await Promise.all(
        c.inputs.map(async (input) => JSON.stringify(await observe(c.source, input)) !== JSON.stringify(await observe(c.naive, input))),
      );
      expect(differs).toContain(true);
    });
  }
});
