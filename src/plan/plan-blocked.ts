/**
 * The plan's "stays sync" part: every seed whose family is pinned, with the blocking reason code and
 * the chain from the seed to the blocking site; every sync fs call a test mocks (AM208, or the
 * structural reason when its function is pinned anyway, the mock named after it); and the exported
 * functions `--public-api=keep` kept sync.
 */
import { familyOf, type FnNode, type Seed } from './call-graph';
import { rootCause, type PinCause } from './close-over-callers';
import type { MockedSeed } from './mocked-seeds';
import type { PlanWriter } from './write-plan';
import type { ChainStep } from '../core/plan';

/** The chain of a pinned family: from it down the calls to the blocking site, and the root cause. */
function pinChain(w: PlanWriter, family: number): { steps: ChainStep[]; root: PinCause } {
  const steps: ChainStep[] = [];
  let cause = w.closure.pinned.get(family) as PinCause;
  const seen = new Set<number>();
  while (cause.via && !seen.has(cause.via.family)) {
    seen.add(cause.via.family);
    const site = cause.via.site;
    steps.push(w.step(`${site.calleeText}() is called from ${site.caller?.name ?? 'top level'}`, site.loc));
    cause = w.closure.pinned.get(cause.via.family) as PinCause;
  }
  steps.push(w.step(cause.text, cause.loc));
  return { steps, root: rootCause(w.closure.pinned, family) };
}

/** One blocked entry for a seed of `fn` kept sync by `root` (`note` follows the message: a mock, …). */
function writeBlockedSeed(w: PlanWriter, fn: FnNode, seed: Seed, pinned: { steps: ChainStep[]; root: PinCause }, note = ''): void {
  const { steps, root } = pinned;
  const subject = seed.kind === 'fs' ? seed.text : fn.name;
  const why = `${root.text} (${w.rel(root.loc.file)}:${root.loc.line}, ${root.code})${note}`;
  const message = seed.kind === 'fs' ? `${subject} stays sync: ${why}` : seed.kind === 'await' ? `${fn.name} contains await but cannot become async: ${why}` : `${fn.name} (--seed) stays sync: ${why}`;
  const first = w.step(seed.kind === 'fs' ? `${fn.name} calls ${seed.text}` : fn.name, seed.loc);
  w.filePlan(seed.loc.file).blocked.push({ file: w.rel(seed.loc.file), line: seed.loc.line, column: seed.loc.column, code: root.code, message, subject, chain: [first, ...steps] });
  w.plan.edges.push({ from: fn.name, to: subject, blocked: root.code });
}

/**
 * A held-back sync fs call (mocked, or a test's fixture I/O) in a function that stays sync: the
 * structural reason when the function is pinned, else AM208 / AM333 (the message fs-promises gives
 * the same site). Nothing when the function is (or becomes) async: fs-promises reports the call itself.
 */
function writeMockedSeed(w: PlanWriter, { fn, seed, mock }: MockedSeed): void {
  if (fn.isAsync) return;
  const family = familyOf(w.graph, fn.id);
  const held = mock ? `${seed.text} is mocked in ${mock.file}:${mock.line} (${mock.how})` : `${seed.text} is a test file's own fixture I/O`;
  if (w.closure.pinned.has(family)) return writeBlockedSeed(w, fn, seed, pinChain(w, family), `; ${held.replace(seed.text, 'it')}`);
  if (w.closure.async.has(family)) return;
  const first = w.step(`${fn.name} calls ${seed.text}`, seed.loc);
  const chain = mock ? [first, { text: held, file: mock.file, line: mock.line, column: 1 }] : [first];
  const message = mock ? `${held}: its fs/promises twin would escape the mock` : `${held}: left as it is (--tests follow)`;
  const code = mock ? 'AM208' : 'AM333';
  w.filePlan(seed.loc.file).blocked.push({ file: w.rel(seed.loc.file), line: seed.loc.line, column: seed.loc.column, code, message, subject: seed.text, chain });
  w.plan.edges.push({ from: fn.name, to: seed.text, blocked: code });
}

/** Write the blocked seeds, the mocked calls and `apiKept` into the plan. */
export function writeBlocked(w: PlanWriter, mocked: readonly MockedSeed[]): void {
  const keptRoots = new Set<string>();
  for (const fn of w.graph.fns) {
    if (fn.seeds.length === 0 || fn.isAsync) continue;
    const family = familyOf(w.graph, fn.id);
    if (!w.closure.pinned.has(family)) continue;
    const pinned = pinChain(w, family);
    for (const seed of fn.seeds) writeBlockedSeed(w, fn, seed, pinned);
    if (pinned.root.code === 'AM330') keptRoots.add(`${pinned.root.loc.file}:${pinned.root.loc.start}`);
  }
  for (const entry of mocked) writeMockedSeed(w, entry);
  // Every exported function kept sync by --public-api=keep that pins some seed, itself or deeper down.
  for (const fn of w.graph.fns) {
    if (!keptRoots.has(`${fn.file}:${fn.node.getStart()}`)) continue;
    const { line, column } = w.locOfFn(fn);
    w.plan.apiKept.push({ file: w.rel(fn.file), line, column, name: fn.name });
  }
}
