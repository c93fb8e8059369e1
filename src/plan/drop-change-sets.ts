/**
 * Remove whole change sets from a plan (verification found a problem they cause, or the user selected
 * other sets): what is left is a plan that applies exactly the remaining sets. The sync fs calls of a
 * removed set become `blocked` entries with the set's reason code, so fs-promises' findings for them
 * (AM106, "needs propagate-async") are explained with the problem that sank the set.
 */
import type { FilePlan, Plan, PlanDroppedChangeSet } from '../core/plan';

/** Whether an entry survives: it belongs to no dropped set. */
const keep = (dropped: ReadonlySet<string>) => (entry: { changeSet?: string }) => !entry.changeSet || !dropped.has(entry.changeSet);

/**
 * A copy of `plan` without the change sets `drops` names.
 * @param plan a plan with change sets (entries tagged by src/plan/change-sets.ts)
 * @param drops the sets to remove, each with its reason code and the problem that sank it
 * @returns a new plan (the input is not changed); `droppedChangeSets` lists earlier and new drops
 */
export function dropChangeSets(plan: Plan, drops: readonly PlanDroppedChangeSet[]): Plan {
  const dropped = new Set(drops.map((d) => d.id));
  const byId = new Map(drops.map((d) => [d.id, d]));
  const kept = keep(dropped);
  const files: Record<string, FilePlan> = {};
  for (const [file, fp] of Object.entries(plan.files)) {
    const blocked = fp.seedSites
      .filter((s) => !kept(s))
      .map((s) => {
        const drop = byId.get(s.changeSet as string) as PlanDroppedChangeSet;
        const reason = drop.code === 'AM347' ? drop.why : `the migrated project failed verification: ${drop.why}`;
        const message = `${s.callee} stays sync: change set ${drop.label} (${drop.id}) was not applied because ${reason}`;
        return { file: s.file, line: s.line, column: s.column, code: drop.code, message, subject: s.callee, chain: [] };
      });
    files[file] = {
      asyncFunctions: fp.asyncFunctions.filter(kept),
      awaitSites: fp.awaitSites.filter(kept),
      annotations: fp.annotations.filter(kept),
      callbacks: fp.callbacks.filter(kept),
      seedSites: fp.seedSites.filter(kept),
      blocked: [...fp.blocked, ...blocked].sort((a, b) => a.line - b.line || a.column - b.column),
    };
  }
  const droppedChangeSets = [...(plan.droppedChangeSets ?? []), ...drops.filter((d) => !(plan.droppedChangeSets ?? []).some((e) => e.id === d.id))];
  const { droppedChangeSets: _earlier, ...rest } = plan;
  return {
    ...rest,
    files,
    apiChanges: plan.apiChanges.filter(kept),
    changeSets: (plan.changeSets ?? []).filter((c) => !dropped.has(c.id)),
    ...(droppedChangeSets.length > 0 ? { droppedChangeSets } : {}),
  };
}

/**
 * A copy of `plan` with only the change sets `ids` names (`run --changeset <id>`); the others are
 * removed as if dropped, without a reason entry.
 * @throws Error naming the unknown ids and the known ones
 */
export function selectChangeSets(plan: Plan, ids: readonly string[]): Plan {
  const known = new Set((plan.changeSets ?? []).map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`unknown change set ${unknown.join(', ')}; this plan has ${[...known].sort().join(', ') || 'none'} (see async-migrate plan --changesets)`);
  const wanted = new Set(ids);
  const others = (plan.changeSets ?? []).filter((c) => !wanted.has(c.id)).map((c): PlanDroppedChangeSet => ({ id: c.id, label: c.label, code: 'AM343', why: 'not selected' }));
  const reduced = dropChangeSets(plan, others);
  // Not selected is not a verification problem: no blocked entries, no dropped list.
  for (const fp of Object.values(reduced.files)) fp.blocked = fp.blocked.filter((b) => !others.some((o) => b.message.includes(`(${o.id})`)));
  const { droppedChangeSets: _notSelected, ...rest } = reduced;
  return plan.droppedChangeSets ? { ...rest, droppedChangeSets: plan.droppedChangeSets } : rest;
}
