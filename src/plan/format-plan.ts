/**
 * Render a Plan for people: a text summary (what becomes async and why, what stays sync and why, the
 * exported API that changes) and a Mermaid flowchart of the call chains.
 */
import type { ChainStep, Plan } from '../core/plan';

const at = (s: { file: string; line: number; column?: number }) => `${s.file}:${s.line}${s.column ? `:${s.column}` : ''}`;
const chainText = (chain: readonly ChainStep[]) => chain.map((s) => `${s.text} (${at(s)})`).join(' ← ');

/** Counts of a plan, for summaries. */
export function countPlan(plan: Plan): { asyncFunctions: number; awaitSites: number; annotations: number; callbacks: number; seedSites: number; blocked: number } {
  const files = Object.values(plan.files);
  const sum = (pick: (f: (typeof files)[number]) => unknown[]) => files.reduce((n, f) => n + pick(f).length, 0);
  return {
    asyncFunctions: sum((f) => f.asyncFunctions),
    awaitSites: sum((f) => f.awaitSites),
    annotations: sum((f) => f.annotations),
    callbacks: sum((f) => f.callbacks ?? []),
    seedSites: sum((f) => f.seedSites),
    blocked: sum((f) => f.blocked),
  };
}

/** The plan as text: the target and public-API mode used and why, then one line per entry (chains after `←`, from the entry down to its cause). */
export function formatPlanText(plan: Plan): string {
  const n = countPlan(plan);
  const lines = [`propagate-async plan (${plan.tsconfig ? `tsconfig ${plan.tsconfig}` : 'inferred config, allowJs'})`];
  if (plan.target) lines.push(`target: ${plan.target.name} (${plan.target.reason})`);
  if (plan.publicApi) lines.push(`public API: ${plan.publicApi.mode} (${plan.publicApi.reason})`);
  lines.push('');
  lines.push(`Functions that become async (${n.asyncFunctions}):`);
  for (const fp of Object.values(plan.files)) for (const f of fp.asyncFunctions) lines.push(`  ${at(f)} ${f.name}: ${chainText(f.chain)}`);
  lines.push('', `Call sites awaited: ${n.awaitSites}; return types wrapped in Promise<…>: ${n.annotations}; callbacks restructured: ${n.callbacks}; sync fs calls made rewritable: ${n.seedSites}`);
  lines.push('', `Stays sync (${n.blocked}):`);
  for (const fp of Object.values(plan.files)) {
    for (const b of fp.blocked) {
      lines.push(`  ${at(b)} ${b.code} ${b.message}`);
      if (b.chain.length > 2) lines.push(`      chain: ${chainText(b.chain)}`);
    }
  }
  lines.push('', `Exported API that changes (${plan.apiChanges.length}):`);
  for (const a of plan.apiChanges) lines.push(`  ${at(a)} ${a.name}() now returns a promise`);
  if (plan.apiKept.length > 0) {
    lines.push('', `Exported API kept sync by --public-api=keep (${plan.apiKept.length}):`);
    for (const a of plan.apiKept) lines.push(`  ${at(a)} ${a.name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The call chains as a Mermaid flowchart: caller --> callee; blocked chains dotted, labelled with the code. */
export function formatPlanMermaid(plan: Plan): string {
  const ids = new Map<string, string>();
  const id = (name: string) => {
    let v = ids.get(name);
    if (!v) {
      v = `n${ids.size}`;
      ids.set(name, v);
    }
    return v;
  };
  const edges = new Set<string>();
  const blockedNodes = new Set<string>();
  // A leaf (a sync fs call such as readFileSync: never a caller) is one node per calling function, so
  // one blocked call does not mark every call of readFileSync in the project as blocked.
  const callers = new Set(plan.edges.map((e) => e.from));
  const labels = new Map<string, string>();
  for (const e of plan.edges) {
    const from = id(e.from);
    const leafKey = callers.has(e.to) ? e.to : `${e.to}\u0000${e.from}`;
    labels.set(leafKey, e.to);
    const to = id(leafKey);
    if (e.blocked) {
      edges.add(`  ${from} -. ${e.blocked} .-> ${to}`);
      blockedNodes.add(to);
    } else edges.add(`  ${from} --> ${to}`);
  }
  const lines = ['flowchart LR'];
  for (const [name, v] of ids) lines.push(`  ${v}["${(labels.get(name) ?? name).replace(/"/g, '#quot;')}"]`);
  lines.push(...edges);
  if (blockedNodes.size > 0) lines.push('  classDef blocked stroke-dasharray: 5 5,stroke:#c33', `  class ${[...blockedNodes].join(',')} blocked`);
  return `${lines.join('\n')}\n`;
}
