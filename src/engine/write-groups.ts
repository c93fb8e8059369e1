/**
 * Which changed files `--write` must write together: the plan's change sets (src/plan/change-sets.ts),
 * joined where they share a file (a file has one text on disk, so two sets editing it are written
 * together), and every other changed file on its own.
 *
 * Rules:
 * - A change set's files that changed form its group; sets sharing a changed file are merged into one
 *   group, whose id joins theirs with `+` (`cs-1a2b3c4d+cs-5e6f7a8b`).
 * - A changed file no change set names is its own group (id: its path) when the plan does not touch
 *   it: fs-promises and the cleanups rewrite code that is already async, within one file.
 * - A changed file the plan edits that no change set names (a plan without change sets, written before
 *   they existed, or an entry left untagged) cannot be placed safely: then every changed file the plan
 *   edits is written in one group (ids of its sets and `plan`), as the whole run was one set before.
 */
import type { ChangeSet } from './transaction';

/** The parts of a plan this module reads. */
export interface PlanForGroups {
  /** Per file (display path), the plan's edits; a file with any entry counts as touched. */
  files?: Record<string, Record<string, unknown>>;
  changeSets?: readonly { id: string; files: readonly string[] }[];
}

/**
 * Group `changed` (display paths) into the units written together (see the file comment).
 * @returns disjoint groups covering exactly `changed`, ordered by their first file
 */
export function groupChangedFiles(changed: readonly string[], plan?: PlanForGroups): ChangeSet[] {
  const isChanged = new Set(changed);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const ids = new Map<string, Set<string>>(); // file → ids of the sets that name it
  const addId = (file: string, id: string) => ids.set(file, (ids.get(file) ?? new Set()).add(id));

  for (const set of plan?.changeSets ?? []) {
    const files = set.files.filter((f) => isChanged.has(f));
    for (const f of files) {
      addId(f, set.id);
      union(f, files[0]);
    }
  }
  if (changed.some((f) => !ids.has(f) && isPlanTouched(plan, f))) {
    const touched = changed.filter((f) => ids.has(f) || isPlanTouched(plan, f));
    for (const f of touched) {
      if (!ids.has(f)) addId(f, 'plan');
      union(f, touched[0]);
    }
  }

  const groups = new Map<string, string[]>();
  for (const f of [...changed].sort()) {
    const root = find(f);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  return [...groups.values()].map((files) => {
    const setIds = [...new Set(files.flatMap((f) => [...(ids.get(f) ?? [])]))].sort();
    return { id: setIds.length ? setIds.join('+') : files[0], files };
  });
}

function isPlanTouched(plan: PlanForGroups | undefined, file: string): boolean {
  const entry = plan?.files?.[file];
  return entry !== undefined && Object.values(entry).some((v) => Array.isArray(v) && v.length > 0);
}
