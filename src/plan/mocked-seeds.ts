/**
 * Sync fs calls that the project's tests mock (src/core/fs-mocks.ts) seed nothing: rewritten to
 * fs/promises, the call would escape the mock and the test would change meaning. They are taken out
 * of the graph's seeds before the closure and kept here, so the plan can still report each one —
 * with the structural reason when its function is pinned sync anyway (a constructor, CommonJS top
 * level, …), else with AM208.
 *
 * A mock covers a call only when it mocks that name of the call's module (or the whole module) in a
 * test file that reaches the call's file through its imports ({@link mockFor}).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import { mockFor, type FsMock, type FsMocks } from '../core/fs-mocks';
import type { CallGraph, FnNode, Seed } from './call-graph';
import { resolveFsCallee } from './fs-call';

/** A sync fs call that a test mocks, with the mock. */
export interface MockedSeed {
  fn: FnNode;
  seed: Seed;
  mock: FsMock;
}

/** The call expression whose node spans exactly `start`…`end` in `sf`, if any. */
function callAt(sf: ts.SourceFile, start: number, end: number): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(sf) > start || node.end < end) return;
    if (ts.isCallExpression(node) && node.getStart(sf) === start && node.end === end) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Take the mocked fs seeds out of `graph` (fn.seeds and graph.fsSeeds), in place.
 * @param cwd the FileMap's working directory: mocks name files by display path relative to it
 * @returns the seeds taken, with the mock that covers each
 */
export function takeMockedSeeds(graph: CallGraph, mocks: FsMocks | undefined, program: ts.Program, checker: ts.TypeChecker, cwd: string): MockedSeed[] {
  if (!Array.isArray(mocks) || mocks.length === 0) return [];
  const taken: MockedSeed[] = [];
  const byKey = new Map<string, FsMock | undefined>();
  const mockOf = (seed: Seed): FsMock | undefined => {
    if (seed.kind !== 'fs') return undefined;
    const key = `${seed.loc.file}:${seed.loc.start}:${seed.loc.end}`;
    if (byKey.has(key)) return byKey.get(key);
    const sf = program.getSourceFile(seed.loc.file);
    const call = sf ? callAt(sf, seed.loc.start, seed.loc.end) : undefined;
    const module = call ? resolveFsCallee(call.expression, checker)?.module : undefined;
    const file = path.relative(cwd, seed.loc.file).split(path.sep).join('/');
    const mock = mockFor(mocks, seed.text, { file, module });
    byKey.set(key, mock);
    return mock;
  };
  for (const fn of graph.fns) {
    if (!fn.seeds.some((seed) => mockOf(seed))) continue;
    fn.seeds = fn.seeds.filter((seed) => {
      const mock = mockOf(seed);
      if (mock) taken.push({ fn, seed, mock });
      return !mock;
    });
  }
  graph.fsSeeds = graph.fsSeeds.filter((entry) => !mockOf(entry.seed));
  return taken;
}
