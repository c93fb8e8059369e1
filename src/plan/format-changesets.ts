/**
 * `async-migrate plan --changesets`: the plan's change sets (src/plan/change-sets.ts) as text, as
 * data (`--json`) or as a Mermaid flowchart (`--format mermaid`). A change set is the unit a team
 * reviews and applies (`run --changeset <id>`): its files, its size, its seeds and the exported
 * signatures it changes. Sets are disjoint by construction (no function or call site in two sets);
 * sets that edit the same file are listed as sharing it, since their patches touch the same file.
 */
import type { Plan, PlanChangeSet } from '../core/plan';

/** One change set as `plan --changesets --json` prints it. */
export interface ChangeSetEntry extends PlanChangeSet {
  /** Lines of the files it edits that change (a count of plan entries' lines, an estimate). */
  lines: number;
  /** Ids of the other sets that edit one of its files. */
  sharesFilesWith: string[];
}

/** The document `plan --changesets --json` prints. */
export interface ChangeSetsDocument {
  schemaVersion: 1;
  changesets: ChangeSetEntry[];
  /** Sets verification or a file-set selection removed, when the plan records them. */
  dropped: NonNullable<Plan['droppedChangeSets']>;
}

/**
 * The change sets of `plan`, with their line estimates and shared files.
 * @returns sets sorted by id (the plan's order)
 */
export function describeChangeSets(plan: Plan): ChangeSetsDocument {
  const sets = plan.changeSets ?? [];
  const lines = new Map<string, Set<string>>();
  for (const [file, fp] of Object.entries(plan.files)) {
    for (const e of [...fp.asyncFunctions, ...fp.awaitSites, ...fp.annotations, ...fp.callbacks, ...fp.seedSites]) {
      if (!e.changeSet) continue;
      const set = lines.get(e.changeSet) ?? new Set<string>();
      set.add(`${file}:${e.line}`);
      lines.set(e.changeSet, set);
    }
  }
  const changesets = sets.map((s): ChangeSetEntry => ({
    ...s,
    lines: lines.get(s.id)?.size ?? 0,
    sharesFilesWith: sets.filter((o) => o.id !== s.id && o.files.some((f) => s.files.includes(f))).map((o) => o.id),
  }));
  return { schemaVersion: 1, changesets, dropped: plan.droppedChangeSets ?? [] };
}

/** The change sets as text: one block per set. */
export function formatChangeSetsText(plan: Plan): string {
  const doc = describeChangeSets(plan);
  if (doc.changesets.length === 0) return 'No change sets: nothing would change.\n';
  const out: string[] = [`${doc.changesets.length} change set${doc.changesets.length === 1 ? '' : 's'} (apply one with \`async-migrate run --changeset <id>\`):`, ''];
  for (const s of doc.changesets) {
    out.push(`${s.id}  ${s.label}: ${s.functions} function${s.functions === 1 ? '' : 's'}, ${s.callSites} call site${s.callSites === 1 ? '' : 's'}, ~${s.lines} line${s.lines === 1 ? '' : 's'} in ${s.files.length} file${s.files.length === 1 ? '' : 's'}`);
    out.push(`  files: ${s.files.join(', ')}`);
    const seeds = s.seeds.slice(0, 5).map((seed) => `${seed.function} calls ${seed.text} (${seed.file}:${seed.line})`);
    out.push(`  seeds: ${seeds.join('; ')}${s.seeds.length > 5 ? `; … and ${s.seeds.length - 5} more` : ''}`);
    if (s.exportedApi.length > 0) out.push(`  exported signatures that change: ${s.exportedApi.join(', ')}`);
    if (s.sharesFilesWith.length > 0) out.push(`  shares files with: ${s.sharesFilesWith.join(', ')}`);
    out.push('');
  }
  for (const d of doc.dropped) out.push(`dropped ${d.id} ${d.label} (${d.code}): ${d.why}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/** The change sets as a Mermaid flowchart: one subgraph per set, its files inside; shared files linked. */
export function formatChangeSetsMermaid(plan: Plan): string {
  const doc = describeChangeSets(plan);
  const out = ['flowchart LR'];
  const fileIds = new Map<string, string>();
  const fileId = (file: string) => {
    let id = fileIds.get(file);
    if (!id) fileIds.set(file, (id = `f${fileIds.size}`));
    return id;
  };
  const label = (text: string) => text.replace(/"/g, '#quot;');
  for (const s of doc.changesets) {
    out.push(`  subgraph ${s.id.replace(/-/g, '_')}["${label(`${s.id} ${s.label}: ${s.functions} fn, ${s.callSites} calls`)}"]`);
    for (const f of s.files) out.push(`    ${s.id.replace(/-/g, '_')}_${fileId(f)}["${label(f)}"]`);
    out.push('  end');
  }
  const shared = new Set<string>();
  for (const s of doc.changesets) {
    for (const o of s.sharesFilesWith) {
      const key = [s.id, o].sort().join('|');
      if (shared.has(key)) continue;
      shared.add(key);
      out.push(`  ${s.id.replace(/-/g, '_')} -. shares files .- ${o.replace(/-/g, '_')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
