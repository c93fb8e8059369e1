/**
 * `--public-api` at the workspace boundary (issue 14 item 4). In a monorepo workspace each package
 * decides for itself, by the rule of src/plan/public-api.ts for package kinds: a **published**
 * package (not private, with `exports`, `main`, `module` or `types`) has callers outside the
 * workspace, so the functions its entry modules export stay sync (AM330) and its dependents in the
 * workspace keep calling them as they are; a **private** package's only callers are the workspace's,
 * which the plan changes with it, so its exported API may become async together with its dependents.
 * `--public-api change` lets every package change; `--public-api keep` (or the default) keeps the
 * published packages' API.
 */
import * as path from 'path';
import type { CallGraph, FnNode } from './call-graph';
import type { PinCause } from './close-over-callers';
import type { FileTexts, LoadedProject } from './load-project';
import { entryExportPins, type PublicApiChoice } from './public-api';
import { siteLocation } from './syntax';
import type { Workspace, WorkspacePackage } from './workspace';
import { buildLayouts } from './workspace-projects';
import { sourceOfBuilt, strings } from './workspace-resolve';

/** The source files behind every entry a package's package.json names (exports, types, main, module; else index.js). */
function entrySources(pkg: WorkspacePackage, layout: ReturnType<ReturnType<typeof buildLayouts>>, projectFiles: ReadonlySet<string>): string[] {
  const fields = [pkg.manifest.types, pkg.manifest.typings, pkg.manifest.module, pkg.manifest.main].filter((f): f is string => typeof f === 'string');
  const targets = [...strings(pkg.manifest.exports), ...fields];
  if (targets.length === 0) targets.push('index.js');
  const found = new Set<string>();
  for (const target of targets) {
    const hit = sourceOfBuilt(path.resolve(pkg.dir, target), layout, (f) => projectFiles.has(f));
    if (hit) found.add(hit);
  }
  return [...found];
}

/** A short list of package names: the first five, then `and N more`. */
const shortList = (names: readonly string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');

/**
 * The public-API choice of a workspace run and its pins: the exports of each published package's
 * entry modules (those with files in the run) unless `option` is `change`.
 * @returns `choice.mode` is `keep` when some package keeps its API
 */
export function workspacePublicApi(option: 'change' | 'keep' | undefined, workspace: Workspace, graph: CallGraph, loaded: LoadedProject, texts: FileTexts, cwd: string): { choice: PublicApiChoice; pins: { fn: FnNode; cause: PinCause }[] } {
  const present = workspace.packages.filter((p) => [...loaded.projectFiles].some((f) => f.startsWith(p.dir + path.sep)));
  const kept = option === 'change' ? [] : present.filter((p) => p.published);
  const changing = present.filter((p) => !kept.includes(p));
  const layoutOf = buildLayouts(loaded.layout, texts);
  const why = option ? `--public-api ${option}` : 'the default';
  // A function re-exported by several packages is reported with the package that declares it.
  const declaredHere = new Set<{ fn: FnNode; cause: PinCause }>();
  const mark = (own: boolean, pin: { fn: FnNode; cause: PinCause }) => (own && declaredHere.add(pin), pin);
  const found = kept.flatMap((pkg) => {
    const entries = entrySources(pkg, layoutOf(pkg), loaded.projectFiles);
    return entryExportPins(graph, loaded, entries, (fn, entry) => mark(fn.file.startsWith(pkg.dir + path.sep), {
      fn,
      cause: { code: 'AM330', text: `${fn.name} is exported by the package entry ${path.relative(cwd, entry).split(path.sep).join('/')} of the published workspace package ${pkg.name} and --public-api=keep (${why} for a published package) keeps its signature`, loc: siteLocation(fn.node) },
    }));
  });
  const pins = [...found.filter((p) => declaredHere.has(p)), ...found.filter((p) => !declaredHere.has(p))];
  const reason = option === 'change'
    ? `--public-api change: every package of the workspace (${workspace.source}) may change its API`
    : `a workspace (${workspace.source}): ${kept.length > 0 ? `published packages keep their API (${shortList(kept.map((p) => p.name))})` : 'no published package'}${changing.length > 0 ? `; private packages change with their dependents (${shortList(changing.map((p) => p.name))})` : ''}`;
  return { choice: { mode: kept.length > 0 ? 'keep' : 'change', reason }, pins };
}
