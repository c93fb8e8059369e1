/**
 * Change sets: the partition of a plan into groups that must change together.
 *
 * A family (a function with its overloads, interface members, implementations) that becomes async
 * forces every caller family whose call needs the value to become async too (that call gets its
 * `await`); so the families of the async set joined by those calls, and everything the plan writes for
 * them — `async` keywords, `Promise<T>` annotations, awaited and restructured call sites, the sync fs
 * calls fs-promises then rewrites — form one change set. Two sets share no function and no call site,
 * so either can be applied, verified, dropped or written without the other (they may share a file).
 *
 * A set's id derives from its seed functions (`file:name` of each function that is async by itself),
 * hashed: `cs-<8 hex digits>`, stable across runs while the seeds stay the same.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { familyOf, type CallGraph, type FnNode } from './call-graph';
import type { Closure } from './close-over-callers';
import { siteLocation } from './syntax';
import type { Plan, PlanChangeSet } from '../core/plan';

/** Union-find over family numbers. */
function createUnion(): { find(x: number): number; union(a: number, b: number): void } {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  return { find, union: (a, b) => void parent.set(find(a), find(b)) };
}

/** Stable id of a set from its seed function keys (`file:name`). */
export function changeSetId(seedKeys: readonly string[]): string {
  return `cs-${createHash('sha1').update([...new Set(seedKeys)].sort().join('\n')).digest('hex').slice(0, 8)}`;
}

/**
 * Partition `plan` (written by writePlan from the same graph and closure) into change sets: tags
 * every entry of `plan.files` and `plan.apiChanges` with its set's id and fills `plan.changeSets`
 * (sorted by id). Mutates and returns `plan`.
 */
export function assignChangeSets(plan: Plan, graph: CallGraph, closure: Closure, cwd: string): Plan {
  const rel = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const fam = (fn: FnNode) => familyOf(graph, fn.id);
  const sets = createUnion();
  for (const [family, cause] of closure.async) {
    sets.find(family);
    // Why it becomes async: the family whose call forces it (always reaches a seeded family).
    if (cause.via && closure.async.has(cause.via.family)) sets.union(family, cause.via.family);
    for (const fn of closure.members.get(family) ?? []) {
      for (const site of fn.incoming) {
        if (site.context !== 'await' || site.blockedBy || !site.caller) continue;
        const callerFamily = fam(site.caller);
        if (closure.async.has(callerFamily)) sets.union(family, callerFamily);
      }
    }
  }

  // Where each plan entry comes from: entry key → root family.
  const owner = new Map<string, number>();
  const seedKeys = new Map<number, string[]>();
  const seeds = new Map<number, PlanChangeSet['seeds']>();
  for (const family of closure.async.keys()) {
    const root = sets.find(family);
    for (const fn of closure.members.get(family) ?? []) {
      const fnLoc = siteLocation(fn.node);
      owner.set(`fn:${rel(fn.file)}:${fnLoc.start}`, root);
      owner.set(`api:${rel(fn.file)}:${fnLoc.line}:${fnLoc.column}`, root);
      if (fn.returnType) owner.set(`type:${rel(fn.file)}:${fn.returnType.getStart()}`, root);
      for (const site of fn.incoming) owner.set(`site:${rel(site.loc.file)}:${site.loc.start}:${site.loc.end}`, root);
      for (const seed of fn.seeds) {
        owner.set(`site:${rel(seed.loc.file)}:${seed.loc.start}:${seed.loc.end}`, root);
        seedKeys.set(root, [...(seedKeys.get(root) ?? []), `${rel(fn.file)}:${fn.name}`]);
        const list = seeds.get(root) ?? [];
        list.push({ file: rel(seed.loc.file), line: seed.loc.line, column: seed.loc.column, function: fn.name, text: seed.text });
        seeds.set(root, list);
      }
    }
  }
  const idOf = new Map<number, string>();
  const id = (root: number) => {
    let found = idOf.get(root);
    if (!found) idOf.set(root, (found = changeSetId(seedKeys.get(root) ?? [`family:${root}`])));
    return found;
  };

  const stats = new Map<string, PlanChangeSet>();
  const statsOf = (root: number): PlanChangeSet => {
    const key = id(root);
    let entry = stats.get(key);
    if (!entry) {
      const seedList = (seeds.get(root) ?? []).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      const names = [...new Set(seedList.map((s) => s.function))];
      entry = { id: key, label: names.length === 0 ? key : names.length === 1 ? names[0] : `${names[0]}+${names.length - 1}`, seeds: seedList, files: [], functions: 0, callSites: 0, exportedApi: [] };
      stats.set(key, entry);
    }
    return entry;
  };
  const tag = (key: string, file: string, count?: 'functions' | 'callSites'): string | undefined => {
    const root = owner.get(key);
    if (root === undefined) return undefined;
    const entry = statsOf(root);
    if (!entry.files.includes(file)) entry.files.push(file);
    if (count) entry[count]++;
    return entry.id;
  };

  for (const [file, fp] of Object.entries(plan.files)) {
    for (const fn of fp.asyncFunctions) fn.changeSet = tag(`fn:${file}:${fn.start}`, file, 'functions');
    for (const a of fp.annotations) a.changeSet = tag(`type:${file}:${a.start}`, file);
    for (const s of fp.awaitSites) s.changeSet = tag(`site:${file}:${s.start}:${s.end}`, file, 'callSites');
    for (const c of fp.callbacks) c.changeSet = tag(`site:${file}:${c.start}:${c.end}`, file, 'callSites');
    for (const s of fp.seedSites) s.changeSet = tag(`site:${file}:${s.start}:${s.end}`, file);
  }
  for (const api of plan.apiChanges) {
    api.changeSet = tag(`api:${api.file}:${api.line}:${api.column}`, api.file);
    const entry = api.changeSet ? stats.get(api.changeSet) : undefined;
    if (entry) entry.exportedApi.push(`${api.file}:${api.name}`);
  }
  plan.changeSets = [...stats.values()]
    .map((s) => ({ ...s, files: s.files.sort(), exportedApi: [...new Set(s.exportedApi)].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return plan;
}
