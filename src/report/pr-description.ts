/**
 * `run --report <file.md>`: a pull-request description for a migration, rendered from the run's
 * `--json` document (src/report/json.ts) plus, when the run planned propagation, the propagate-async
 * Plan (src/core/plan.ts):
 * 1. what was changed and why, with counts per transform and per reason code;
 * 2. the files touched (sites rewritten, lines added and removed);
 * 3. exported signatures that changed (the breaking-change list) — from the Plan;
 * 4. every site left alone, with its reason code, file:line:column and the line of code; apart from
 *    them, the delegation wrappers collapse-delegation did not collapse (AM5xx: clean-up candidates);
 * 5. the propagation chains as a Mermaid `graph` (GitHub renders it), capped to the longest chains
 *    with a note saying what was cut.
 */
import type { Finding } from '../core/findings';
import type { JsonResult } from './json';
import type { Plan } from '../core/plan';
import { getReason, type ReasonCodeId } from '../core/reasons';
import { code, prose, table } from './markdown';
import { isUncollapsedDelegation } from './summary';

/** Inputs of {@link renderPrDescription}. */
export interface PrDescriptionInput {
  json: JsonResult;
  /** The propagate-async Plan of the run, when it planned one. */
  plan?: Plan;
  /** Original text of a file (before the run), to quote the code of sites left alone. */
  readOriginal?: (file: string) => string | undefined;
  /** Most chains drawn in the Mermaid graph (default 12). */
  maxChains?: number;
  /** Most sites listed before the rest are folded into a `<details>` block (default 40). */
  maxOpenSites?: number;
}

const titleOf = (c: ReasonCodeId) => getReason(c).title;

/** Lines added and removed in a unified diff. */
export function countPatchLines(patch: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { added, removed };
}

/** Mermaid node label: quotes and markup-breaking characters replaced. */
function label(text: string): string {
  return text.replace(/"/g, "'").replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›')).replace(/[[\]{}|]/g, ' ');
}

/**
 * Every maximal chain of the plan's caller → callee edges, from a function nobody in the plan calls
 * down to a blocking call (or to where a cycle closes), longest first. Depth-first, cycle-safe.
 */
export function propagationChains(edges: Plan['edges'], maxChains = 10000): string[][] {
  const out = new Map<string, string[]>();
  const hasCaller = new Set<string>();
  for (const e of edges) {
    const list = out.get(e.from) ?? [];
    if (!list.includes(e.to)) list.push(e.to);
    out.set(e.from, list);
    if (e.from !== e.to) hasCaller.add(e.to);
  }
  let roots = [...out.keys()].filter((n) => !hasCaller.has(n));
  if (roots.length === 0) roots = [...out.keys()]; // everything is in a cycle
  const chains: string[][] = [];
  const walk = (node: string, path: string[]) => {
    if (chains.length >= maxChains) return;
    const next = (out.get(node) ?? []).filter((n) => !path.includes(n));
    if (next.length === 0) {
      chains.push(path);
      return;
    }
    for (const n of next) walk(n, [...path, n]);
  };
  for (const root of roots.sort()) walk(root, [root]);
  const key = (c: string[]) => c.join('\u0000');
  return chains.sort((a, b) => b.length - a.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * A Mermaid `graph LR` of the propagation (caller → callee that forced it to become async), drawn
 * from the `max` longest chains; edges a blocked site stops are dotted and labelled with the reason
 * code. Returns the note on what was cut when some chains are not drawn.
 */
export function renderMermaidChains(plan: Plan, max = 12): { mermaid: string; note?: string } | undefined {
  const chains = propagationChains(plan.edges);
  if (chains.length === 0) return undefined;
  const drawnChains = chains.slice(0, max);
  const blockedBy = new Map(plan.edges.filter((e) => e.blocked).map((e) => [`${e.from}\u0000${e.to}`, e.blocked!]));
  const ids = new Map<string, string>();
  const nodeLines: string[] = [];
  const edgeLines: string[] = [];
  const seen = new Set<string>();
  // A leaf (a sync fs call such as readFileSync: never a caller) is one node per calling function, as
  // in `plan --format mermaid`: the calls of readFileSync in two functions are two sites, not one.
  const callers = new Set(plan.edges.map((e) => e.from));
  const idFor = (name: string, caller?: string) => {
    const key = caller !== undefined && !callers.has(name) ? `${name}\u0000${caller}` : name;
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      nodeLines.push(`  ${id}["${label(name)}"]`);
    }
    return id;
  };
  for (const chain of drawnChains) {
    if (chain.length === 1) idFor(chain[0]);
    for (let i = 0; i + 1 < chain.length; i++) {
      const key = `${chain[i]}\u0000${chain[i + 1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const blocked = blockedBy.get(key);
      const [from, to] = [idFor(chain[i]), idFor(chain[i + 1], chain[i])];
      edgeLines.push(blocked ? `  ${from} -.->|${label(blocked)}| ${to}` : `  ${from} --> ${to}`);
    }
  }
  const allEdges = new Set(plan.edges.map((e) => `${e.from}\u0000${e.to}`)).size;
  const cut = chains.length - drawnChains.length;
  const note = cut > 0
    ? `Showing the ${drawnChains.length} longest of ${chains.length} chains (${seen.size} of ${allEdges} call edges); the rest are shorter. \`async-migrate plan\` lists every function that becomes async and why.`
    : undefined;
  return { mermaid: ['```mermaid', 'graph LR', ...nodeLines, ...edgeLines, '```'].join('\n'), note };
}

/** The source line `line` (1-based) of `text`, trimmed and shortened. */
function sourceLine(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  const l = text.split(/\r?\n/)[line - 1];
  if (l === undefined) return undefined;
  const t = l.trim();
  return t.length > 100 ? `${t.slice(0, 97)}...` : t;
}

/** A table of sites (location, reason, source line, detail), the rows past `maxOpenSites` folded away. */
function siteTable(input: PrDescriptionInput, sites: readonly Finding[], what: string): string[] {
  const rows = sites.map((f) => {
    const src = sourceLine(input.readOriginal?.(f.file), f.line);
    return [code(`${f.file}:${f.line}:${f.column}`), prose(`${f.code} ${titleOf(f.code)}`), src ? code(src) : '', prose(f.message)];
  });
  const open = input.maxOpenSites ?? 40;
  const header = ['location', 'reason', 'code', 'detail'];
  const out = [table(header, rows.slice(0, open)), ''];
  if (rows.length > open) out.push(`<details><summary>${rows.length - open} more ${what}</summary>`, '', table(header, rows.slice(open)), '', '</details>', '');
  return out;
}

/** Render the pull-request description (Markdown, ends in a newline). */
export function renderPrDescription(input: PrDescriptionInput): string {
  const { json, plan } = input;
  const out: string[] = [];
  const rewritten = json.findings.filter((f) => f.kind === 'rewritten');
  const failures = json.findings.filter((f) => f.kind === 'left-alone' && f.code.startsWith('AM9'));
  const notCollapsed = json.findings.filter((f) => !f.code.startsWith('AM9') && isUncollapsedDelegation(f));
  const leftAlone = json.findings.filter((f) => f.kind === 'left-alone' && !f.code.startsWith('AM9') && !isUncollapsedDelegation(f));
  const changedFiles = json.files.filter((f) => f.status === 'changed');
  const state = json.mode === 'write' ? 'rewrote' : 'would rewrite';

  out.push('## Move blocking fs calls to async/await', '');
  out.push(
    `async-migrate ${state} **${rewritten.length} call site${rewritten.length === 1 ? '' : 's'}** in **${changedFiles.length} file${changedFiles.length === 1 ? '' : 's'}** ` +
      `(${json.summary.scanned} scanned). Synchronous fs calls block the event loop while the disk works, stalling every other request; ` +
      'each rewritten call now awaits the promise form with the same arguments and result, and functions that had to become async ' +
      'carry the change up to their callers. Sites that could not be changed safely were left exactly as they were and are listed below with their reason.',
    '',
  );

  out.push('### Changes per transform', '');
  const transforms = [...new Set(json.findings.filter((f) => !f.code.startsWith('AM9')).map((f) => f.transform))].sort();
  const countOf = (list: readonly Finding[], t: string) => String(list.filter((f) => f.transform === t).length);
  const perTransform = transforms.map((t) => [t, countOf(rewritten, t), countOf(leftAlone, t), ...(notCollapsed.length ? [countOf(notCollapsed, t)] : [])]);
  out.push(table(['transform', 'sites rewritten', 'sites left alone', ...(notCollapsed.length ? ['wrappers not collapsed'] : [])], perTransform, ['l', 'r', 'r', 'r']), '');
  const codes = [...new Set(rewritten.map((f) => f.code))].sort();
  if (codes.length > 0) {
    out.push(table(['rewrite', 'what', 'sites'], codes.map((c) => [c, prose(titleOf(c)), String(rewritten.filter((f) => f.code === c).length)]), ['l', 'l', 'r']), '');
  }

  out.push(`### Files touched (${changedFiles.length})`, '');
  if (changedFiles.length === 0) out.push('None.', '');
  else {
    const patchOf = new Map(json.edits.map((e) => [e.path, e.patch]));
    out.push(table(['file', 'sites rewritten', 'lines +', 'lines −'], changedFiles.map((f) => {
      const lines = countPatchLines(patchOf.get(f.path) ?? '');
      return [code(f.path), String(f.rewritten), String(lines.added), String(lines.removed)];
    }), ['l', 'r', 'r', 'r']), '');
  }

  out.push('### Exported signatures that changed', '');
  if (!plan) out.push('This run did not plan propagation (no propagate-async Plan), so no exported function changed its signature through it.', '');
  else if (plan.apiChanges.length === 0) out.push('None: no exported function changed its signature.', '');
  else {
    out.push(`**Breaking for callers outside this code:** ${plan.apiChanges.length} exported function${plan.apiChanges.length === 1 ? ' now returns' : 's now return'} a promise.`, '');
    for (const c of plan.apiChanges) out.push(`- ${code(c.name)} — ${code(`${c.file}:${c.line}`)}`);
    out.push('');
  }
  if (plan && plan.apiKept.length > 0) {
    out.push(`Kept synchronous by \`--public-api=keep\`: ${plan.apiKept.map((c) => `${code(c.name)} (${code(`${c.file}:${c.line}`)})`).join(', ')}.`, '');
  }

  out.push(`### Left alone (${leftAlone.length})`, '');
  if (leftAlone.length === 0) out.push('Nothing: every site found was rewritten.', '');
  else out.push(...siteTable(input, leftAlone, 'sites left alone'));

  if (notCollapsed.length > 0) {
    out.push(`### Delegation wrappers not collapsed (${notCollapsed.length})`, '');
    out.push('collapse-delegation looked at these `async` wrappers and kept them: a clean-up that was not safe, not a blocking call left behind.', '');
    out.push(...siteTable(input, notCollapsed, 'wrappers not collapsed'));
  }

  if (failures.length > 0) {
    out.push(`### Files that failed (${failures.length})`, '');
    for (const f of failures) out.push(`- ${code(`${f.file}:${f.line}:${f.column}`)} ${f.code} ${prose(titleOf(f.code))}`);
    out.push('');
  }

  out.push('### Propagation chains', '');
  const chains = plan ? renderMermaidChains(plan, input.maxChains ?? 12) : undefined;
  if (!chains) out.push(plan ? 'No function had to become async.' : 'No propagation in this run.', '');
  else {
    out.push('Each arrow goes from a caller to the function or blocking call that made it async; dotted arrows stop at a site that must stay synchronous.', '', chains.mermaid, '');
    if (chains.note) out.push(chains.note, '');
  }
  out.push('<sub>Generated by async-migrate `run --report`.</sub>');
  return `${out.join('\n')}\n`;
}
