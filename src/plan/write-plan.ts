/**
 * Write the propagate-async Plan down as plain data (src/core/plan.ts) from the call graph and its
 * closure: what becomes async (with the chain down to the seed), the call sites to await or
 * restructure, the annotations to wrap, the sync fs calls made rewritable, and every seed that stays
 * sync with its blocking reason and chain (./plan-blocked.ts).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { CallGraph, FnNode, SiteLocation } from './call-graph';
import { siteLocation } from './syntax';
import type { Closure } from './close-over-callers';
import type { MockedSeed } from './mocked-seeds';
import { writeBlocked } from './plan-blocked';
import { emptyFilePlan, type ChainStep, type FilePlan, type Plan } from '../core/plan';

/** What {@link writePlan} needs besides the graph and the closure. */
export interface WritePlanInput {
  cwd: string;
  /** The tsconfig used, absolute; undefined for the inferred config. */
  tsconfig: string | undefined;
  /** Sync fs calls the tests mock, taken out of the seeds (./mocked-seeds.ts). */
  mocked?: readonly MockedSeed[];
  /** Extra top-level fields of the plan (the target used and why, the --public-api default and why). */
  extra?: Partial<Plan>;
}

/** The shared state of one plan being written: the plan and the helpers every step uses. */
export interface PlanWriter {
  plan: Plan;
  graph: CallGraph;
  closure: Closure;
  /** Display path: relative to cwd, `/` separators. */
  rel(file: string): string;
  /** The file's part of the plan, created on first use. */
  filePlan(file: string): FilePlan;
  step(text: string, loc: SiteLocation): ChainStep;
  /** Line and column (and offsets) of a function's node. */
  locOfFn(fn: FnNode): { start: number; end: number; line: number; column: number };
}

/**
 * Write the plan.
 * @returns the plan, entries sorted by position, files by path, duplicates (a call seen from every
 *   member of a family) removed
 */
export function writePlan(graph: CallGraph, closure: Closure, input: WritePlanInput): Plan {
  const { cwd, tsconfig } = input;
  const rel = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const plan: Plan = { version: 1, tsconfig: tsconfig ? rel(tsconfig) : null, files: {}, apiChanges: [], apiKept: [], edges: [], ...input.extra };
  const w: PlanWriter = {
    plan,
    graph,
    closure,
    rel,
    filePlan: (file) => (plan.files[rel(file)] ??= emptyFilePlan()),
    step: (text, loc) => ({ text, file: rel(loc.file), line: loc.line, column: loc.column }),
    locOfFn: (fn) => {
      const { start, end, line, column } = siteLocation(fn.node);
      return { start, end, line, column };
    },
  };
  for (const family of [...closure.async.keys()].sort((a, b) => a - b)) writeAsyncFamily(w, family);
  writeBlocked(w, input.mocked ?? []);
  return tidyPlan(plan);
}

/** The chain that makes a family async: from it up the calls to the seed (a sync fs call, an `await`, a `--seed`). */
function asyncChain(w: PlanWriter, family: number): ChainStep[] {
  const steps: ChainStep[] = [];
  const seen = new Set<number>();
  let current = family;
  while (!seen.has(current)) {
    seen.add(current);
    const cause = w.closure.async.get(current);
    if (cause?.via) {
      const site = cause.via.site;
      steps.push(w.step(`${site.caller?.name ?? 'top level'} calls ${site.calleeText}()`, site.loc));
      current = cause.via.family;
      continue;
    }
    const seeded = (w.closure.members.get(current) ?? []).find((m) => m.seeds.length > 0);
    const seed = seeded?.seeds[0];
    if (seeded && seed) steps.push(w.step(seed.kind === 'fs' ? `${seeded.name} calls ${seed.text}` : seed.kind === 'await' ? `${seeded.name} contains await` : `${seeded.name} is named by --seed`, seed.loc));
    break;
  }
  return steps;
}

const INLINED = new Set(['for-of', 'expect-rejects', 'sequential-loop', 'reduce-loop']);

/** One async family: its functions, annotations, exported API, call sites and fs seeds. */
function writeAsyncFamily(w: PlanWriter, family: number): void {
  const chain = asyncChain(w, family);
  const members = w.closure.members.get(family) ?? [];
  const famName = members.find((m) => m.hasBody)?.name ?? members[0]?.name ?? '?';
  for (const fn of members) {
    if (!fn.editable) continue;
    const loc = w.locOfFn(fn);
    const inlined = fn.incoming.some((site) => site.restructure !== undefined && INLINED.has(site.restructure));
    if (fn.hasBody && !fn.isAsync && !inlined) w.filePlan(fn.file).asyncFunctions.push({ file: w.rel(fn.file), ...loc, name: fn.name, chain });
    const type = fn.returnType;
    if (type && !isPromiseType(type)) {
      const { start, end, line, column } = siteLocation(type);
      w.filePlan(fn.file).annotations.push({ file: w.rel(fn.file), start, end, line, column, text: type.getText(), ...(fn.isGenerator ? { kind: 'async-generator' as const } : /\.[cm]?jsx?$/.test(fn.file) ? { kind: 'jsdoc' as const } : {}) });
    }
    if (fn.exported) w.plan.apiChanges.push({ file: w.rel(fn.file), line: loc.line, column: loc.column, name: fn.name });
    for (const site of fn.incoming) {
      if (site.context !== 'await' || site.blockedBy) continue;
      if (site.restructure === 'yield-star') continue; // `yield*` consumes async generators as they are
      const where = { file: w.rel(site.loc.file), start: site.loc.start, end: site.loc.end, line: site.loc.line, column: site.loc.column, callee: site.calleeText };
      if (site.restructure) w.filePlan(site.loc.file).callbacks.push({ kind: site.restructure, ...where, ...(site.resultType ? { resultType: site.resultType } : {}) });
      else w.filePlan(site.loc.file).awaitSites.push(where);
      w.plan.edges.push({ from: site.caller?.name ?? `${w.rel(site.loc.file)} top level`, to: famName });
    }
    for (const seed of fn.seeds) {
      if (seed.kind !== 'fs') continue;
      w.filePlan(seed.loc.file).seedSites.push({ file: w.rel(seed.loc.file), start: seed.loc.start, end: seed.loc.end, line: seed.loc.line, column: seed.loc.column, callee: seed.text });
      w.plan.edges.push({ from: fn.name, to: seed.text });
    }
  }
}

/** Remove duplicates (a call of a family is in the incoming list of every member), sort entries and files. */
function tidyPlan(plan: Plan): Plan {
  const unique = <T extends { start: number; end: number }>(list: T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((e) => !seen.has(`${e.start}:${e.end}`) && (seen.add(`${e.start}:${e.end}`), true));
  };
  const edgeKeys = new Set<string>();
  plan.edges = plan.edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.blocked ?? ''}`;
    return !edgeKeys.has(key) && (edgeKeys.add(key), true);
  });
  for (const fp of Object.values(plan.files)) {
    fp.awaitSites = unique(fp.awaitSites).sort((a, b) => a.start - b.start || a.end - b.end);
    fp.callbacks = unique(fp.callbacks).sort((a, b) => a.start - b.start);
    fp.seedSites = unique(fp.seedSites).sort((a, b) => a.start - b.start);
    fp.annotations = unique(fp.annotations).sort((a, b) => a.start - b.start);
    fp.asyncFunctions.sort((a, b) => a.start - b.start);
    fp.blocked.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  plan.files = Object.fromEntries(Object.entries(plan.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return plan;
}

/** `Promise<T>` / `PromiseLike<T>` already: no wrapping (never Promise<Promise<T>>). */
function isPromiseType(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && (type.typeName.text === 'Promise' || type.typeName.text === 'PromiseLike');
}
