/**
 * Monorepo workspaces: the packages of an npm, yarn or pnpm workspace, found from the workspace
 * root's package.json `workspaces` (an array of folder globs, or yarn's `{ "packages": [...] }`) or
 * its `pnpm-workspace.yaml` (`packages:`, a list of globs; `!`-patterns exclude). Sources of the rules:
 * the npm docs ("workspaces" in package.json), yarn's `workspaces.packages`, pnpm's
 * "pnpm-workspace.yaml" page.
 *
 * Each package: its name, folder, whether it is published (not `"private": true`, and it has
 * `exports`, `main`, `module` or `types`: the rule of src/plan/public-api.ts for package kinds), and
 * the workspace packages it depends on (`dependencies`, `devDependencies`, `peerDependencies`,
 * `optionalDependencies`).
 */
import * as fs from 'fs';
import * as path from 'path';
import fg from 'fast-glob';
import type { PackageManifest } from './package-json';

/** One package of a workspace. */
export interface WorkspacePackage {
  /** package.json `name`. */
  name: string;
  /** Absolute folder of its package.json. */
  dir: string;
  manifest: PackageManifest & Record<string, unknown>;
  /** Not private and with exports/main/module/types/typings: callers outside the workspace are assumed. */
  published: boolean;
  /** Names of the other workspace packages it depends on (any dependency field), sorted. */
  dependsOn: string[];
}

/** A workspace: its root folder, how it declares its packages, and the packages. */
export interface Workspace {
  /** Absolute folder of the root package.json / pnpm-workspace.yaml. */
  root: string;
  /** Where the package globs come from. */
  source: 'package.json workspaces' | 'pnpm-workspace.yaml';
  /** Packages, by folder path order. */
  packages: WorkspacePackage[];
}

/** A text from the run's texts, else from disk; undefined when neither has it. */
function readText(texts: ReadonlyMap<string, string>, file: string): string | undefined {
  return texts.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
}

/** JSON.parse that gives undefined for anything but an object. */
function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `packages:` list of a pnpm-workspace.yaml: the `- item` lines under the top-level `packages:`
 * key (quotes removed, comments dropped), or a flow list `packages: [a, b]`. Other keys are ignored.
 * @returns the globs, in file order (empty when there is no `packages:` key)
 */
export function parsePnpmWorkspaceYaml(text: string): string[] {
  const out: string[] = [];
  const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');
  let inPackages = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    if (line.trim() === '') continue;
    const key = /^([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(line);
    if (key) {
      inPackages = key[1] === 'packages';
      const flow = /^\[(.*)\]$/.exec(key[2].trim());
      if (inPackages && flow) out.push(...flow[1].split(',').map(unquote).filter(Boolean));
      continue;
    }
    const item = /^\s*-\s*(.+)$/.exec(line);
    if (inPackages && item) out.push(unquote(item[1]));
  }
  return out;
}

/** The package globs a folder declares as a workspace root, or undefined when it is none. */
function workspaceGlobs(texts: ReadonlyMap<string, string>, dir: string): { globs: string[]; source: Workspace['source'] } | undefined {
  const pnpm = readText(texts, path.join(dir, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) return { globs: parsePnpmWorkspaceYaml(pnpm), source: 'pnpm-workspace.yaml' };
  const manifest = parseObject(readText(texts, path.join(dir, 'package.json')));
  const ws = manifest?.workspaces;
  const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages) ? (ws as { packages: unknown[] }).packages : undefined;
  return list ? { globs: list.filter((g): g is string => typeof g === 'string'), source: 'package.json workspaces' } : undefined;
}

/** Whether a manifest publishes an API (the rule of src/plan/public-api.ts). */
export function isPublished(manifest: PackageManifest): boolean {
  return manifest.private !== true && (['exports', 'main', 'module', 'types', 'typings'] as const).some((f) => manifest[f] !== undefined);
}

/**
 * The workspace `startDir` lies in: the nearest folder at or above it whose package.json has
 * `workspaces` or that has a pnpm-workspace.yaml, and its packages (folders matching the globs that
 * hold a package.json with a `name`; `node_modules` never).
 * @param texts absolute path → text of the run's files (they win over the disk)
 * @returns undefined when no such root is found up to the file system root
 */
export function findWorkspace(texts: ReadonlyMap<string, string>, startDir: string): Workspace | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const declared = workspaceGlobs(texts, dir);
    if (declared) return { root: dir, source: declared.source, packages: readPackages(texts, dir, declared.globs) };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The packages under `root` that `globs` name (folders found on disk; their package.json read from `texts` first). */
function readPackages(texts: ReadonlyMap<string, string>, root: string, globs: readonly string[]): WorkspacePackage[] {
  const include = globs.filter((g) => !g.startsWith('!')).map((g) => `${g.replace(/\/+$/, '')}/package.json`.replace(/^\.\//, ''));
  const ignore = ['**/node_modules/**', ...globs.filter((g) => g.startsWith('!')).map((g) => `${g.slice(1).replace(/\/+$/, '')}/**`)];
  const onDisk = include.length > 0 ? fg.sync(include, { cwd: root, ignore, absolute: true, onlyFiles: true }) : [];
  const files = [...new Set(onDisk.map((f) => path.resolve(f)))].sort();
  const found: WorkspacePackage[] = [];
  for (const file of files) {
    const manifest = parseObject(readText(texts, file));
    if (!manifest || typeof manifest.name !== 'string' || manifest.name === '') continue;
    const deps = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys((manifest[k] as Record<string, unknown> | undefined) ?? {}));
    found.push({ name: manifest.name, dir: path.dirname(file), manifest: manifest as PackageManifest & Record<string, unknown>, published: isPublished(manifest as PackageManifest), dependsOn: [...new Set(deps)].sort() });
  }
  const names = new Set(found.map((p) => p.name));
  for (const p of found) p.dependsOn = p.dependsOn.filter((d) => names.has(d) && d !== p.name);
  return found;
}

/** The workspace package whose folder holds `file` (the deepest one), or undefined. */
export function packageOfFile(workspace: Workspace, file: string): WorkspacePackage | undefined {
  let best: WorkspacePackage | undefined;
  for (const p of workspace.packages) {
    if (!file.startsWith(p.dir + path.sep)) continue;
    if (!best || p.dir.length > best.dir.length) best = p;
  }
  return best;
}

/**
 * The workspace package an import specifier names (`@scope/pkg` or `@scope/pkg/sub/path`), and the
 * subpath (`.` or `./sub/path`).
 */
export function packageOfSpecifier(workspace: Workspace, specifier: string): { pkg: WorkspacePackage; subpath: string } | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const pkg = workspace.packages.find((p) => p.name === name);
  if (!pkg) return undefined;
  const rest = parts.slice(nameLength).join('/');
  return { pkg, subpath: rest === '' ? '.' : `./${rest}` };
}
