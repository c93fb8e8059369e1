/**
 * hoist-switch-await: when the arms of a `switch`, an `if`/`else if`/`else` chain or a conditional
 * expression all end by awaiting the same callee, compute only what differs in each arm and await
 * the callee once, after the chain — one suspension point (one `yield` at ES2015, one `__generator`
 * state at ES5) instead of one per arm, and the call written once.
 *
 * Handles:
 *   1. `switch` whose arms end in `return await f(…)` → arms assign the differing arguments to
 *      temporaries and `break`; `return await f(tmp, …)` follows the switch.
 *   2. `switch` whose arms end in `x = await f(…); break;` (same `x`) → `x = await f(tmp, …);` after it.
 *   3. `if`/`else if`/`else` chains with either ending.
 *   4. `c ? await f(a) : await f(b)` → `await f(c ? a : b)`.
 *   Arms ending in `throw`, a `return` without the call, `continue` or `break label` stay as they
 *   are; at least two arms must share the call. Arguments identical in every arm stay in place
 *   (unless that would reorder their evaluation); temporaries in TypeScript files carry a type
 *   (literal types, `as T`, or the declared type of the name passed). Innermost chains go first.
 *
 * Rewrites are reported as AM400.
 *
 * Leaves alone (reported):
 *   AM410 callee is not the same binding in every arm · AM411 callee is not a plain name/property
 *   chain · AM412 callee may change (reassigned, written in the arms, or a property chain, global or
 *   import read after an awaited argument) · AM413
 *   fall-through · AM414 `break` out of the switch before the call · AM415 await/yield in the
 *   discriminant or conditions · AM416 no `default`/final `else` · AM417 an arm ends some other way ·
 *   AM418 call inside try/catch/finally or a `using` scope · AM419 argument counts differ or a spread
 *   would move · AM420 a temporary's type is unknown or may be narrowed (TypeScript) · AM421 arms assign different
 *   variables · AM422 conditional's test or earlier arguments have side effects · AM423 chain not
 *   directly in a block.
 *
 * Run after: fs-promises and propagate-async (they create the awaits this transform merges).
 * Run before: collapse-delegation.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import type { TransformMeta } from '../src/core/transform';
import { parserFor } from '../src/core/parser';
import { createReporter, type EngineHooks } from './lib/report';
import { detectStyle, printInStyle } from './lib/style';
import { createHoistContext } from './hoist-switch-await/context';
import { hoistChains } from './hoist-switch-await/hoist-chains';
import { hoistConditionals } from './hoist-switch-await/hoist-conditionals';
import { retabNewLines } from './hoist-switch-await/retab-new-lines';

export const meta: TransformMeta = {
  name: 'hoist-switch-await',
  description: 'Merge the awaits of one callee that end switch/if/?: arms into a single await after the chain, when provably unobservable',
  order: 30,
  options: [],
  example: 'example',
  // Every shape this transform rewrites contains at least two awaits.
  mightApply: (source) => {
    const first = source.indexOf('await');
    return first !== -1 && source.indexOf('await', first + 5) !== -1;
  },
};

/** The jscodeshift entry: returns the new source, or undefined when nothing was hoisted. */
export default function transform(file: FileInfo, api: API, options: Options & EngineHooks): string | undefined {
  if (!meta.mightApply(file.source, options)) return undefined;
  const j = api.jscodeshift.withParser(parserFor(file.path));
  const root = j(file.source);
  const report = createReporter(meta.name, file, api, options);
  const ctx = createHoistContext(j, root, file.source, file.path, report);

  const conditionals = hoistConditionals(ctx);
  const chains = hoistChains(ctx);

  if (conditionals + chains === 0) return undefined;
  const style = detectStyle(file.source);
  const output = printInStyle(root, style);
  return style.useTabs ? retabNewLines(output, file.source, style.tabWidth) : output;
}
