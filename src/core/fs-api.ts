/**
 * The table of synchronous fs functions and their promise twins.
 *
 * Sources:
 * - Node.js `fs` documentation, "Synchronous API" and "Promises API" sections (v20 LTS):
 *   https://nodejs.org/docs/latest-v20.x/api/fs.html — each `fs.xSync(...)` below has an
 *   `fsPromises.x(...)` taking the same arguments and resolving to the same value that the sync
 *   function returns.
 * - fs-extra documentation (README "Methods" section, v11): every sync method `xSync` has an async
 *   method `x` in the same module that returns a promise when no callback is given; fs-extra also
 *   re-exports Node's fs methods, promisified.
 *
 * This module is data plus tiny lookups. It is shared by fs-promises (what to rewrite),
 * propagate-async (seeds) and audit (what is a blocking call): import it, never copy it.
 */

/** What the rewrite of one sync function looks like. */
export type SyncApiKind =
  /** `xSync(args)` → `await x(args)`: same arguments, same result. */
  | 'twin'
  /** `existsSync(p)` → `await access(p).then(() => true, () => false)` (fs-extra: `await pathExists(p)`). */
  | 'exists'
  /** Works on numeric file descriptors; fs/promises uses FileHandle objects instead. */
  | 'fd'
  /** A promise function exists but resolves to a different shape (async iterator, Dir, …). */
  | 'different-shape';

/** One row of the table. */
export interface SyncApi {
  /** The sync name, e.g. `readFileSync`. */
  sync: string;
  /** The promise twin's name in the target module (for `twin`), e.g. `readFile`. */
  promise?: string;
  kind: SyncApiKind;
  /** The first argument may be a file descriptor (`readFileSync(fd)`), which fs/promises refuses. */
  acceptsFd?: boolean;
  /** Takes an options object whose `throwIfNoEntry: false` fs/promises ignores (stat, lstat). */
  throwIfNoEntry?: boolean;
}

const twin = (name: string, extra: Partial<SyncApi> = {}): SyncApi => ({ sync: `${name}Sync`, promise: name, kind: 'twin', ...extra });

/**
 * Node.js `fs` sync functions (checked against the v20 docs). `realpathSync.native` is handled as
 * `realpathSync` (fsPromises.realpath uses realpath(3), the native implementation).
 */
export const NODE_FS_SYNC_API: readonly SyncApi[] = [
  twin('access'),
  twin('appendFile', { acceptsFd: true }),
  twin('chmod'),
  twin('chown'),
  twin('copyFile'),
  twin('cp'),
  twin('lchown'),
  twin('lutimes'),
  twin('link'),
  twin('lstat', { throwIfNoEntry: true }),
  twin('mkdir'),
  twin('mkdtemp'),
  twin('readdir'),
  twin('readFile', { acceptsFd: true }),
  twin('readlink'),
  twin('realpath'),
  twin('rename'),
  twin('rm'),
  twin('rmdir'),
  twin('stat', { throwIfNoEntry: true }),
  twin('statfs'),
  twin('symlink'),
  twin('truncate', { acceptsFd: true }),
  twin('unlink'),
  twin('utimes'),
  twin('writeFile', { acceptsFd: true }),
  { sync: 'existsSync', kind: 'exists', promise: 'access' },
  // File-descriptor APIs: fs/promises has FileHandle methods instead of fd functions.
  ...['open', 'close', 'read', 'write', 'readv', 'writev', 'fstat', 'fsync', 'fdatasync', 'ftruncate', 'fchmod', 'fchown', 'futimes'].map(
    (name): SyncApi => ({ sync: `${name}Sync`, kind: 'fd' }),
  ),
  // Promise forms that resolve to something else than the sync result.
  { sync: 'opendirSync', kind: 'different-shape' },
  { sync: 'globSync', kind: 'different-shape' },
  { sync: 'mkdtempDisposableSync', kind: 'different-shape' },
];

/**
 * fs-extra's own sync methods and their promise-returning forms (fs-extra README, "Methods").
 * Node's fs functions re-exported by fs-extra use {@link NODE_FS_SYNC_API} with the same module.
 */
export const FS_EXTRA_SYNC_API: readonly SyncApi[] = [
  ...[
    'copy', 'emptyDir', 'emptydir', 'ensureFile', 'createFile', 'ensureDir', 'mkdirp', 'mkdirs', 'ensureLink', 'createLink',
    'ensureSymlink', 'createSymlink', 'move', 'outputFile', 'outputJson', 'outputJSON', 'pathExists', 'readJson', 'readJSON',
    'remove', 'writeJson', 'writeJSON',
  ].map((name) => twin(name)),
];

/** Module specifiers that expose Node's fs API (with and without the `node:` prefix). */
export const NODE_FS_MODULES = ['fs', 'node:fs'] as const;
/** Module specifiers for Node's promise API. */
export const NODE_FS_PROMISES_MODULES = ['fs/promises', 'node:fs/promises'] as const;
/** fs-extra and its maintained drop-in forks that share its API. */
export const FS_EXTRA_MODULES = ['fs-extra'] as const;

/** The family of a module that exposes a sync fs API. */
export type FsModuleFamily = 'node' | 'fs-extra' | 'node-compatible';

/**
 * Which family `specifier` belongs to, or undefined when it is not an fs module.
 * `extraModules` are user-named modules with Node's fs API (option `fsModules`, e.g. `graceful-fs`):
 * their promise forms are reached through the module's `promises` export.
 */
export function fsModuleFamily(specifier: string, extraModules: readonly string[] = []): FsModuleFamily | undefined {
  if ((NODE_FS_MODULES as readonly string[]).includes(specifier)) return 'node';
  if ((FS_EXTRA_MODULES as readonly string[]).includes(specifier)) return 'fs-extra';
  if (extraModules.includes(specifier)) return 'node-compatible';
  return undefined;
}

const NODE_BY_SYNC = new Map(NODE_FS_SYNC_API.map((api) => [api.sync, api]));
const EXTRA_BY_SYNC = new Map(FS_EXTRA_SYNC_API.map((api) => [api.sync, api]));

/**
 * The table row for a sync name in a module family, or undefined when the name is not a sync fs
 * function of that family (for example `parseSync`, or any name not ending in `Sync`).
 * fs-extra's `existsSync` maps to `pathExists` (a promise of a boolean: same meaning).
 */
export function lookupSyncApi(family: FsModuleFamily, name: string): SyncApi | undefined {
  if (family === 'fs-extra') {
    if (name === 'existsSync') return { sync: 'existsSync', promise: 'pathExists', kind: 'twin' };
    return EXTRA_BY_SYNC.get(name) ?? NODE_BY_SYNC.get(name);
  }
  return NODE_BY_SYNC.get(name);
}

/** Every sync name in any table, for cheap text prefilters. */
export const ALL_SYNC_NAMES: readonly string[] = [...new Set([...NODE_BY_SYNC.keys(), ...EXTRA_BY_SYNC.keys()])];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bindingPatterns = new Map<string, RegExp>();

/** `require('m')`, `from 'm'` or `import x = require('m')` for any of `modules`, as one regular expression. */
function bindingPattern(modules: readonly string[]): RegExp {
  const key = modules.join('\0');
  let pattern = bindingPatterns.get(key);
  if (!pattern) {
    const names = modules.map(escapeRegExp).join('|');
    pattern = new RegExp(`(?:\\brequire\\s*\\(|\\bfrom)\\s*(['"\`])(?:${names})\\1`);
    bindingPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * Cheap text test: can `source` contain a sync fs call? True when it has a name ending in `Sync`
 * (any, not only the table's: fd and unknown sync functions are reported too) and binds an fs
 * module with `require('fs')`, `import … from 'fs'` or `import x = require('fs')` (or `node:fs`,
 * fs/promises, fs-extra, `extraModules`). A mention in a comment or a type (`typeof import("fs")`)
 * is not a binding. Never false for a file the fs-promises transform would touch.
 */
export function mightUseSyncFs(source: string, extraModules: readonly string[] = []): boolean {
  if (!source.includes('Sync')) return false;
  return bindingPattern([...NODE_FS_MODULES, ...FS_EXTRA_MODULES, ...extraModules]).test(source);
}
