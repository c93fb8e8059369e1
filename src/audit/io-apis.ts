/**
 * Which calls are I/O, and which of those block the event loop.
 *
 * fs knowledge comes from src/core/fs-api.ts (module families and the sync table), imported,
 * never copied. The other families are facts from the Node.js v20 API docs:
 * - child_process: "Synchronous process creation" — execSync, execFileSync, spawnSync; their
 *   asynchronous forms exec, execFile, spawn (fork has no sync form).
 * - zlib: "Convenience methods" — each of brotliCompress, brotliDecompress, deflate, deflateRaw,
 *   gunzip, gzip, inflate, inflateRaw, unzip has a `…Sync` form (zstdCompress/zstdDecompress from v22.15).
 * - crypto: the CPU-heavy functions with a callback form and a `…Sync` form — checkPrime, generateKey,
 *   generateKeyPair, generatePrime, hkdf, pbkdf2, randomFill, scrypt.
 * - `Atomics.wait` blocks the calling thread (ECMAScript spec, 25.4.13); `Atomics.waitAsync` does not.
 */
import { fsModuleFamily, lookupSyncApi, NODE_FS_PROMISES_MODULES, type FsModuleFamily } from '../core/fs-api';

/** The I/O module families the audit scores. */
export type IoFamily = 'fs' | 'child_process' | 'zlib' | 'crypto' | 'Atomics';

/** How a module specifier maps to a family. `fs/promises` is fs with only non-blocking members. */
export interface IoModule {
  family: IoFamily;
  specifier: string;
  /** fs-api family for fs modules (decides which sync table applies). */
  fsFamily?: FsModuleFamily;
  /** True for `fs/promises`: every function member is non-blocking I/O. */
  promisesOnly?: boolean;
}

const CHILD_PROCESS_SYNC = new Set(['execSync', 'execFileSync', 'spawnSync']);
const CHILD_PROCESS_ASYNC = new Set(['exec', 'execFile', 'spawn', 'fork']);
const ZLIB_BASE = ['brotliCompress', 'brotliDecompress', 'deflate', 'deflateRaw', 'gunzip', 'gzip', 'inflate', 'inflateRaw', 'unzip', 'zstdCompress', 'zstdDecompress'];
const CRYPTO_BASE = ['checkPrime', 'generateKey', 'generateKeyPair', 'generatePrime', 'hkdf', 'pbkdf2', 'randomFill', 'scrypt'];

const stripNode = (s: string) => (s.startsWith('node:') ? s.slice(5) : s);

/**
 * The I/O module a specifier names, or undefined. `extraFsModules` are user-named modules with Node's
 * fs API (option `fsModules`, e.g. `graceful-fs`).
 */
export function ioModuleFor(specifier: string, extraFsModules: readonly string[] = []): IoModule | undefined {
  if ((NODE_FS_PROMISES_MODULES as readonly string[]).includes(specifier)) return { family: 'fs', specifier, promisesOnly: true };
  const fsFamily = fsModuleFamily(specifier, extraFsModules);
  if (fsFamily) return { family: 'fs', specifier, fsFamily };
  const bare = stripNode(specifier);
  if (bare === 'child_process' || bare === 'zlib' || bare === 'crypto') return { family: bare, specifier };
  return undefined;
}

/** Classification of one member call on an I/O module. */
export type IoCallKind = 'blocking' | 'non-blocking';

/**
 * Whether calling `member` of `mod` is blocking I/O, non-blocking I/O, or not I/O at all (undefined:
 * `fs.constants`, `crypto.createHash`, `path.join`, …).
 * For fs, any member ending in `Sync` blocks (the table only decides the fix); a non-Sync member is
 * I/O when its `…Sync` form is in the table (`fs.readFile(p, cb)`), or when the module is fs/promises.
 * `member` may be `promises.readFile` for `fs.promises.readFile`.
 */
export function classifyIoCall(mod: IoModule, member: string): IoCallKind | undefined {
  switch (mod.family) {
    case 'fs': {
      if (member.startsWith('promises.')) return 'non-blocking';
      if (mod.promisesOnly) return member === 'constants' ? undefined : 'non-blocking';
      if (member === 'realpathSync.native') return 'blocking';
      if (member.endsWith('Sync')) return 'blocking';
      if (member === 'realpath.native') return 'non-blocking';
      return lookupSyncApi(mod.fsFamily ?? 'node', `${member}Sync`) ? 'non-blocking' : undefined;
    }
    case 'child_process':
      if (CHILD_PROCESS_SYNC.has(member)) return 'blocking';
      return CHILD_PROCESS_ASYNC.has(member) ? 'non-blocking' : undefined;
    case 'zlib':
      if (ZLIB_BASE.some((b) => member === `${b}Sync`)) return 'blocking';
      return ZLIB_BASE.includes(member) ? 'non-blocking' : undefined;
    case 'crypto':
      if (CRYPTO_BASE.some((b) => member === `${b}Sync`)) return 'blocking';
      return CRYPTO_BASE.includes(member) ? 'non-blocking' : undefined;
    case 'Atomics':
      if (member === 'wait') return 'blocking';
      return member === 'waitAsync' ? 'non-blocking' : undefined;
    default:
      return undefined;
  }
}
