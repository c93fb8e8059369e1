/**
 * Imports between workspace packages resolved to their SOURCES. `import { x } from '@scope/pkg-a'`
 * resolves, as the package manager lays it out, to `node_modules/@scope/pkg-a` (a symlink to
 * `packages/pkg-a`) and then to the built entry its package.json names (`exports`, `types`, `main`:
 * `lib/index.d.ts`, `dist/index.js`), which the analysis cannot change and may not even exist before
 * a build. Here such a resolution is mapped back to the source file that builds it, through the
 * package's own tsconfig: a path under its `outDir` (or `declarationDir`) is the same path under its
 * `rootDir` (default: the tsconfig's folder), with `.d.ts`/`.js` → `.ts`/`.tsx` (`.mjs` → `.mts`,
 * `.cjs` → `.cts`). With no node_modules link at all (a fresh checkout), the package is found by
 * name in the workspace and its entry read from its package.json (`exports` subpaths and conditions,
 * then `types`, `typings`, `module`, `main`, then `index.js`). This is what `tsc -b` does for a
 * project reference (it reads the referenced project's outputs, built from those sources) and what
 * editors do (TypeScript's `useSourceOfProjectReferenceRedirect`).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import { isProjectSourcePath, type OwnerResolver } from './load-project';
import { packageOfFile, packageOfSpecifier, type Workspace, type WorkspacePackage } from './workspace';

/** Where a package's tsconfig puts its build: absolute folders (undefined when not set). */
export interface BuildLayout {
  configDir: string;
  rootDir?: string;
  outDir?: string;
  declarationDir?: string;
}

/** Whether `file` lies inside `dir`. */
const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * The source file that builds `built` (an absolute path of a built or source file), or undefined.
 * @param exists whether a file exists (the run's texts or the disk)
 */
export function sourceOfBuilt(built: string, layout: BuildLayout | undefined, exists: (file: string) => boolean): string | undefined {
  const bases: string[] = [];
  const sourceRoot = layout?.rootDir ?? layout?.configDir;
  for (const out of [layout?.outDir, layout?.declarationDir]) if (out && sourceRoot && inside(out, built)) bases.push(path.join(sourceRoot, path.relative(out, built)));
  if (!layout?.outDir || !inside(layout.outDir, built)) bases.push(built);
  for (const base of bases) {
    const stem = base.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
    const ext = /\.(d\.)?([cm]?)[jt]sx?$/.exec(base);
    const kind = ext?.[2] ?? '';
    const candidates = kind === 'm' ? [`${stem}.mts`, `${stem}.mjs`] : kind === 'c' ? [`${stem}.cts`, `${stem}.cjs`] : [`${stem}.ts`, `${stem}.tsx`, `${stem}.js`, `${stem}.jsx`];
    if (!ext) candidates.push(...['index.ts', 'index.tsx', 'index.js'].map((i) => path.join(base, i)));
    const hit = candidates.find((c) => isProjectSourcePath(c) && exists(c));
    if (hit) return hit;
  }
  return undefined;
}

/** Every string in a package.json `exports` value (conditions in their order, arrays in theirs). */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The built paths (relative to the package folder) a subpath of a package names: its `exports`
 * entry (exact, or a `./x/*` pattern), else for `.` the `types`, `typings`, `module`, `main` fields
 * and `index.js`, for a deeper subpath the path itself (packages without `exports` expose every file).
 */
export function entryTargets(manifest: Record<string, unknown>, subpath: string): string[] {
  const exp = manifest.exports;
  if (exp !== undefined && exp !== null) {
    const keyed = typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'));
    if (!keyed) return subpath === '.' ? strings(exp) : [];
    const map = exp as Record<string, unknown>;
    if (map[subpath] !== undefined) return strings(map[subpath]);
    for (const [key, value] of Object.entries(map)) {
      const star = key.indexOf('*');
      if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
      const middle = subpath.slice(star, subpath.length - (key.length - star - 1));
      return strings(value).map((t) => t.replace('*', middle));
    }
    return [];
  }
  if (subpath !== '.') return [subpath];
  const fields = [manifest.types, manifest.typings, manifest.module, manifest.main].filter((f): f is string => typeof f === 'string');
  return [...fields, 'index.js'];
}

/** The source file behind `specifier` in workspace package `pkg`, through its package.json entries. */
function sourceOfEntry(pkg: WorkspacePackage, subpath: string, layout: BuildLayout | undefined, exists: (file: string) => boolean): string | undefined {
  for (const target of entryTargets(pkg.manifest, subpath)) {
    const hit = sourceOfBuilt(path.resolve(pkg.dir, target), layout, exists);
    if (hit) return hit;
  }
  return undefined;
}

/** TypeScript's extension of a resolved file. */
function extensionOf(file: string): ts.Extension {
  const table: [RegExp, ts.Extension][] = [[/\.d\.mts$/, ts.Extension.Dmts], [/\.d\.cts$/, ts.Extension.Dcts], [/\.d\.ts$/, ts.Extension.Dts], [/\.mts$/, ts.Extension.Mts], [/\.cts$/, ts.Extension.Cts], [/\.tsx$/, ts.Extension.Tsx], [/\.ts$/, ts.Extension.Ts], [/\.mjs$/, ts.Extension.Mjs], [/\.cjs$/, ts.Extension.Cjs], [/\.jsx$/, ts.Extension.Jsx]];
  return table.find(([re]) => re.test(file))?.[1] ?? ts.Extension.Js;
}

/**
 * Wrap `base` (the usual per-owner resolution) so that imports of workspace packages resolve to
 * their sources (rules in the module comment). Other imports keep `base`'s answer.
 * @param layoutOf the build layout of a package's tsconfig (undefined: no tsconfig)
 */
export function workspaceResolver(workspace: Workspace, layoutOf: (pkg: WorkspacePackage) => BuildLayout | undefined, base: OwnerResolver): OwnerResolver {
  return (host, names, containingFile, redirected, options, containingSourceFile) => {
    const results = base(host, names, containingFile, redirected, options, containingSourceFile);
    const exists = (file: string) => host.fileExists(file);
    return names.map((name, i): ts.ResolvedModuleFull | undefined => {
      const found = results[i];
      let source: string | undefined;
      const owner = found ? packageOfFile(workspace, path.resolve(found.resolvedFileName)) : undefined;
      if (found && owner) {
        if (isProjectSourcePath(found.resolvedFileName) && !found.isExternalLibraryImport) return found;
        source = sourceOfBuilt(path.resolve(found.resolvedFileName), layoutOf(owner), exists);
      }
      const named = source ? undefined : packageOfSpecifier(workspace, name);
      if (named) source = sourceOfEntry(named.pkg, named.subpath, layoutOf(named.pkg), exists);
      if (!source) return found;
      return { resolvedFileName: source, extension: extensionOf(source), isExternalLibraryImport: false };
    });
  };
}
