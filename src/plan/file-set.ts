/**
 * Whole-project analysis, file-set application: the plan is made over the whole project (every file
 * its tsconfigs own may change), and the run's paths only choose which change sets apply. A change
 * set is applied when it edits at least one file of the run and every file it edits is in the run;
 * one that reaches outside is left out and reported with the files it would need (AM347), unless
 * `expand` is set — then it is applied and the extra files are listed for the engine to load. Sets
 * that edit no file of the run are not selected (nothing is said of them).
 */
import type { Plan, PlanDroppedChangeSet } from '../core/plan';
import { dropChangeSets } from './drop-change-sets';

/** What {@link restrictToFileSet} decided. */
export interface FileSetSelection {
  /** The plan with only the selected change sets. */
  plan: Plan;
  /** Files outside the run that selected sets edit (`expand` only), sorted display paths. */
  expanded: string[];
}

/**
 * Restrict `plan` to the change sets the run's files allow.
 * @param runFiles display paths of the run's files (the keys of `plan.files` are display paths too)
 * @param expand apply sets that reach outside too, listing the files they add
 */
export function restrictToFileSet(plan: Plan, runFiles: ReadonlySet<string>, expand: boolean): FileSetSelection {
  const sets = plan.changeSets ?? [];
  const drops: PlanDroppedChangeSet[] = [];
  const unselected = new Set<string>();
  const expanded = new Set<string>();
  for (const set of sets) {
    const inside = set.files.filter((f) => runFiles.has(f));
    const outside = set.files.filter((f) => !runFiles.has(f));
    if (inside.length === 0) unselected.add(set.id);
    else if (outside.length > 0 && expand) for (const f of outside) expanded.add(f);
    else if (outside.length > 0) {
      const shown = outside.slice(0, 8).join(', ') + (outside.length > 8 ? ` and ${outside.length - 8} more` : '');
      drops.push({ id: set.id, label: set.label, code: 'AM347', why: `it also edits ${outside.length} file${outside.length === 1 ? '' : 's'} outside the given paths: ${shown} (run on them too, or add --expand)` });
    }
  }
  // Entries with no set (plans without change sets) stay as they are.
  const notSelected = [...unselected].map((id): PlanDroppedChangeSet => ({ id, label: id, code: 'AM347', why: 'not selected' }));
  let restricted = dropChangeSets(plan, [...drops, ...notSelected]);
  // Unselected sets are not reported: their blocked entries go, and they are no "dropped" sets.
  for (const fp of Object.values(restricted.files)) fp.blocked = fp.blocked.filter((b) => !notSelected.some((n) => b.message.includes(`(${n.id})`)));
  const kept = (restricted.droppedChangeSets ?? []).filter((d) => !unselected.has(d.id));
  const { droppedChangeSets: _all, ...rest } = restricted;
  restricted = kept.length > 0 ? { ...rest, droppedChangeSets: kept } : rest;
  // Files outside the run (and not added by --expand) are not edited, and what the plan says of
  // them is not this run's to report.
  for (const file of Object.keys(restricted.files)) if (!runFiles.has(file) && !expanded.has(file)) delete restricted.files[file];
  return { plan: restricted, expanded: [...expanded].sort() };
}
