/**
 * The package.json that governs a project: the nearest one at or above a folder, read from the run's
 * texts first, else the disk. Shared by the target detection (`engines.node`) and the public-API
 * default (`exports`/`main`/`module`/`types`, `private`, `bin`).
 */
import * as fs from 'fs';
import * as path from 'path';

/** The fields of package.json the planner reads. */
export interface PackageManifest {
  name?: unknown;
  private?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  typings?: unknown;
  exports?: unknown;
  bin?: unknown;
  engines?: { node?: unknown };
}

/** A package.json found: its folder, absolute path, and parsed fields (undefined when it is not valid JSON). */
export interface FoundManifest {
  dir: string;
  file: string;
  manifest: PackageManifest | undefined;
}

/**
 * The nearest package.json at or above `dir`.
 * @param texts absolute path → text of the run's files (its texts win over the disk)
 * @returns undefined when there is none up to the file system root
 */
export function findPackageJson(texts: ReadonlyMap<string, string>, dir: string): FoundManifest | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    const text = texts.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
    if (text !== undefined) {
      let manifest: PackageManifest | undefined;
      try {
        const parsed: unknown = JSON.parse(text);
        manifest = parsed && typeof parsed === 'object' ? (parsed as PackageManifest) : undefined;
      } catch {
        manifest = undefined;
      }
      return { dir: current, file, manifest };
    }
    if (path.dirname(current) === current) return undefined;
  }
}
