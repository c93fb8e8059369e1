/**
 * `async-migrate split`: group a plan's change sets into pull-request-sized batches.
 *
 * A change set (src/plan/change-sets.ts) is never split: it is the smallest group of edits that
 * builds on its own. Each set goes to one group, picked by `by`:
 * - `dir`: the top-level folder, under the folder common to every set's files, that holds most of the
 *   set's files (ties: the first name in sort order; files directly in that folder: `root`);
 * - `package`: the workspace package (the nearest package.json with a `name`, walking up from each
 *   file, not above the working directory) holding most of the set's seeds (where its change starts:
 *   a set that changes a package's exported API and its dependents' call sites goes with that
 *   package), else most of its files;
 * - `owner`: the owners of the first file of the set, from the first CODEOWNERS file found in
 *   `CODEOWNERS`, `.github/CODEOWNERS`, `docs/CODEOWNERS` (GitHub's lookup order; the last matching
 *   pattern wins, as https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
 *   documents; patterns use .gitignore syntax, matched with the `ignore` package); no rule: `unowned`.
 * A group is cut into batches of at most `maxFiles` files (the union of their sets' files), sets
 * taken in id order; a set with more files than that gets a batch of its own.
 * Order: for `package`, a package before every package whose package.json depends on it (dependencies
 * first; the rest by name); otherwise by group name. For `package`, each batch also lists, per
 * exported function it changes, the packages of later batches that depend on that function's package
 * (directly or through other workspace packages: src/plan/workspace.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import type { PlanChangeSet } from '../core/plan';
import { findWorkspace } from './workspace';

/** How `split` groups change sets. */
export type BatchBy = 'dir' | 'package' | 'owner';

/** One batch: a group's change sets that land in one pull request. */
export interface Batch {
  /** File-name-safe name: the group's, `-2`, `-3`… when `maxFiles` cut the group. */
  name: string;
  /** The group (folder, package name, or owners). */
  group: string;
  changeSets: PlanChangeSet[];
  /** Files the batch edits (the union of its sets' files), sorted. */
  files: string[];
  /** Exported functions whose signature the batch changes (`file:name`), sorted. */
  exportedApi: string[];
  /**
   * `package` only: per exported function that changes, its package and the packages of later
   * batches that depend on that package (in batch order).
   */
  apiDependents?: { api: string; package: string; dependents: string[] }[];
}

/** Options of {@link groupBatches}. */
export interface BatchOptions {
  by: BatchBy;
  /** Most files per batch where the sets allow (undefined: no limit). */
  maxFiles?: number;
  /** Working directory: the sets' file paths are relative to it. */
  cwd: string;
}

/** A name safe as a file name part: anything but letters, digits, `.`, `_` and `-` becomes `-`. */
export function safeName(name: string): string {
  return name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'batch';
}

/** The key with the highest count (ties: the first in sort order). */
function majority(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? 'root';
}

/** The folder (`/`-separated, '' for the top) every file of `files` lies in. */
function commonFolder(files: readonly string[]): string[] {
  const dirs = files.map((f) => f.split('/').slice(0, -1));
  if (dirs.length === 0) return [];
  const common = [...dirs[0]];
  for (const d of dirs) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common.length = i;
  }
  return common;
}

/** A package found by walking up from a file: its name, folder and the packages it depends on. */
interface PackageInfo {
  name: string;
  dependsOn: string[];
}

/** The nearest package.json with a name, from `dir` up to `top` (cached per folder). */
function packageOf(dir: string, top: string, cache: Map<string, PackageInfo | undefined>): PackageInfo | undefined {
  if (cache.has(dir)) return cache.get(dir);
  let found: PackageInfo | undefined;
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (typeof json.name === 'string' && json.name !== '') {
      const deps = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys((json[k] as Record<string, string> | undefined) ?? {}));
      found = { name: json.name, dependsOn: [...new Set(deps)] };
    }
  } catch {
    found = undefined;
  }
  const parent = path.dirname(dir);
  if (!found && dir !== top && parent !== dir && !path.relative(top, parent).startsWith('..')) found = packageOf(parent, top, cache);
  cache.set(dir, found);
  return found;
}

/** One CODEOWNERS rule: its pattern matcher and owners. */
interface OwnerRule {
  matches: (file: string) => boolean;
  owners: string[];
}

/**
 * The rules of the first CODEOWNERS file under `root` (CODEOWNERS, .github/CODEOWNERS,
 * docs/CODEOWNERS), in file order; empty when there is none.
 */
export function readCodeOwners(root: string): OwnerRule[] {
  for (const candidate of ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, candidate), 'utf8');
    } catch {
      continue;
    }
    const rules: OwnerRule[] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (line === '') continue;
      const [pattern, ...owners] = line.split(/\s+/);
      const matcher = ignore().add(pattern);
      rules.push({ matches: (file) => matcher.ignores(file), owners });
    }
    return rules;
  }
  return [];
}

/** The owners of `file` (relative to the CODEOWNERS root, `/` separators): the last matching rule's. */
export function ownersOf(rules: readonly OwnerRule[], file: string): string[] | undefined {
  let owners: string[] | undefined;
  for (const rule of rules) if (rule.matches(file)) owners = rule.owners;
  return owners;
}

/**
 * Dependencies first (a package before those whose package.json names it, also through packages
 * that are no group), the rest by name; a dependency cycle is cut where it closes.
 */
function orderPackages(groups: readonly string[], deps: ReadonlyMap<string, string[]>): string[] {
  const sorted = [...groups].sort();
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string, trail: Set<string>) => {
    if (done.has(name) || trail.has(name)) return;
    trail.add(name);
    for (const dep of [...(deps.get(name) ?? [])].sort()) visit(dep, trail);
    done.add(name);
    if (groups.includes(name)) out.push(name);
  };
  for (const name of sorted) visit(name, new Set());
  return out;
}

/**
 * Group `changeSets` into batches (rules in the module comment).
 * @returns batches in the order they should land; every set in exactly one batch
 */
export function groupBatches(changeSets: readonly PlanChangeSet[], options: BatchOptions): Batch[] {
  const groups = new Map<string, PlanChangeSet[]>();
  const deps = new Map<string, string[]>();
  const common = commonFolder(changeSets.flatMap((c) => c.files));
  const packages = new Map<string, PackageInfo | undefined>();
  const rules = options.by === 'owner' ? readCodeOwners(options.cwd) : [];
  for (const set of [...changeSets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    let group: string;
    if (options.by === 'dir') {
      group = majority(set.files.map((f) => {
        const parts = f.split('/');
        return parts.length - 1 > common.length ? parts[common.length] : 'root';
      }));
    } else if (options.by === 'package') {
      const found = set.files.map((f) => packageOf(path.dirname(path.resolve(options.cwd, f)), options.cwd, packages));
      const seeded = set.seeds.map((s) => packageOf(path.dirname(path.resolve(options.cwd, s.file)), options.cwd, packages));
      group = majority((seeded.length > 0 ? seeded : found).map((p) => p?.name ?? 'root'));
      for (const p of [...found, ...seeded]) if (p) deps.set(p.name, p.dependsOn);
    } else {
      group = ownersOf(rules, [...set.files].sort()[0] ?? '')?.join(' ') || 'unowned';
    }
    groups.set(group, [...(groups.get(group) ?? []), set]);
  }
  if (options.by === 'package') for (const p of findWorkspace(new Map(), options.cwd)?.packages ?? []) if (!deps.has(p.name)) deps.set(p.name, p.dependsOn);
  const order = options.by === 'package' ? orderPackages([...groups.keys()], deps) : [...groups.keys()].sort();
  const batches: Batch[] = [];
  for (const group of order) {
    const parts: PlanChangeSet[][] = [];
    let current: PlanChangeSet[] = [];
    const filesOf = (sets: readonly PlanChangeSet[]) => new Set(sets.flatMap((s) => s.files));
    for (const set of groups.get(group) ?? []) {
      if (current.length > 0 && options.maxFiles !== undefined && filesOf([...current, set]).size > options.maxFiles) {
        parts.push(current);
        current = [];
      }
      current.push(set);
    }
    if (current.length > 0) parts.push(current);
    parts.forEach((sets, i) => {
      const base = safeName(group);
      batches.push({
        name: parts.length === 1 ? base : `${base}-${i + 1}`,
        group,
        changeSets: sets,
        files: [...filesOf(sets)].sort(),
        exportedApi: [...new Set(sets.flatMap((s) => s.exportedApi))].sort(),
      });
    });
  }
  if (options.by === 'package') addApiDependents(batches, deps, (file) => packageOf(path.dirname(path.resolve(options.cwd, file)), options.cwd, packages)?.name);
  return batches;
}

/** Every package that depends on `name`, directly or through others (`deps`: package → what it depends on). */
function dependentsOf(name: string, deps: ReadonlyMap<string, string[]>): Set<string> {
  const out = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    for (const [pkg, on] of deps) if (on.includes(current) && !out.has(pkg) && pkg !== name) (out.add(pkg), queue.push(pkg));
  }
  return out;
}

/** Fill `apiDependents` of each batch: the later batches' packages that depend on its changed API's package. */
function addApiDependents(batches: Batch[], deps: ReadonlyMap<string, string[]>, packageNameOf: (file: string) => string | undefined): void {
  batches.forEach((batch, i) => {
    const later = batches.slice(i + 1).map((b) => b.group);
    batch.apiDependents = batch.exportedApi.map((api) => {
      const pkg = packageNameOf(api.slice(0, api.lastIndexOf(':'))) ?? 'root';
      const dependents = dependentsOf(pkg, deps);
      return { api, package: pkg, dependents: [...new Set(later.filter((g) => dependents.has(g)))] };
    });
  });
}
