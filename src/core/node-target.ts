/**
 * The Node.js version a migration targets (`--target node22`, or detected from the project: see
 * src/plan/target.ts) and the features that depend on it. Pure data and version checks, shared by
 * the planner and the per-file transforms.
 */

/** A Node.js version: the lowest one the project supports. */
export interface NodeVersion {
  major: number;
  minor: number;
}

/**
 * Read a target name: `node22`, `node24`, `node25.7`.
 * @returns undefined when `value` is not such a name
 */
export function parseNodeTarget(value: unknown): NodeVersion | undefined {
  const m = typeof value === 'string' ? /^node(\d+)(?:\.(\d+))?$/.exec(value.trim()) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2] ?? 0) } : undefined;
}

/** `node22`, or `node25.7` when the minor matters. */
export function nodeTargetName(version: NodeVersion): string {
  return `node${version.major}${version.minor > 0 ? `.${version.minor}` : ''}`;
}

/** `Array.fromAsync` is in Node.js from v22.0.0 (Node.js 22 release notes; V8 12.4). */
export function hasArrayFromAsync(version: NodeVersion): boolean {
  return version.major >= 22;
}

/**
 * The promise `stat` (`fsPromises.stat`, `fs.stat`) honours `{ throwIfNoEntry: false }` from Node.js
 * v25.7.0 (nodejs/node PR #61178 "fs: add throwIfNoEntry option for fs.stat and fs.promises.stat";
 * the fs.md history entry was added by PR #62204). Before that the option is ignored and the promise
 * rejects with ENOENT. `lstat` has no such option in fs/promises.
 */
export function statHonoursThrowIfNoEntry(version: NodeVersion): boolean {
  return version.major > 25 || (version.major === 25 && version.minor >= 7);
}
