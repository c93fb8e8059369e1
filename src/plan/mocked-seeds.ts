/**
 * Sync fs calls that the project's tests mock (src/core/fs-mocks.ts) seed nothing: rewritten to
 * fs/promises, the call would escape the mock and the test would change meaning. Nor, under
 * `--tests follow`, do a test file's own fs calls (fixture I/O). They are taken out of the graph's
 * seeds before the closure and kept here, so the plan can still report each one — with the
 * structural reason when its function is pinned sync anyway (a constructor, CommonJS top level, …),
 * else with AM208 (mocked) or AM333 (test fixture I/O).
 *
 * A mock covers a call only when it mocks that name of the call's module (or the whole module) in a
 * test file that reaches the call's file through its imports ({@link mockFor}).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import { mockFor, type FsMock, type FsMocks } from '../core/fs-mocks';
import { isTestFile } from '../core/test-files';
import type { CallGraph, FnNode, Seed } from './call-graph';
import { resolveFsCallee } from './fs-call';

/** A sync fs call held back from the seeds: a test mocks it (`mock`), or it is a test file's own fixture I/O (`--tests follow`). */
export interface MockedSeed {
  fn: FnNode;
  seed: Seed;
  mock?: FsMock;
  /** Set for a sync fs call in a test file under `--tests follow` (AM333). */
  testFixture?: true;
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
 * `--tests follow` (the default): take the sync fs calls in test files (src/core/test-files.ts) out
 * of `graph`'s seeds, in place: a test's own fixture I/O (writeFileSync in beforeAll, a temp folder
 * made at module level) does not make the test async. Calls of what the migration changes still do.
 * @returns the seeds taken
 */
export function takeTestFixtureSeeds(graph: CallGraph, cwd: string): MockedSeed[] {
  const taken: MockedSeed[] = [];
  const inTest = (seed: Seed) => seed.kind === 'fs' && isTestFile(path.relative(cwd, seed.loc.file));
  for (const fn of graph.fns) {
    if (!fn.seeds.some(inTest)) continue;
    fn.seeds = fn.seeds.filter((seed) => !(inTest(seed) && taken.push({ fn, seed, testFixture: true })));
  }
  graph.fsSeeds = graph.fsSeeds.filter((entry) => !inTest(entry.seed));
  return taken;
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
