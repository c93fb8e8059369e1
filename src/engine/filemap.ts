/**
 * The FileMap: every file of a run, path → text, in memory.
 *
 * Every pipeline stage reads and writes texts here; the disk is read once when the map is loaded and
 * written only by `--write` (src/engine/write.ts). The map keeps each file's original text next to its
 * current one, so output (diff, JSON) and the write step can tell what changed.
 *
 * Keys are display paths: relative to the working directory, with `/` separators (as returned by
 * src/engine/discover.ts). `absolutePath()` resolves a key against the working directory.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { checkFileSize, checkGenerated, DEFAULT_MAX_FILE_SIZE } from './input-guard';
import { contentHash } from './write-fs';

/** Files read at the same time (well below the usual 1024 open-files limit). */
const READ_CONCURRENCY = 64;

/** A file that could not be loaded as UTF-8 text, or was skipped on purpose. */
export interface LoadProblem {
  path: string;
  /** One line: what went wrong (`not valid UTF-8`, or the read error's message). */
  message: string;
  /**
   * Reason code: AM904 (cannot be read, the default when absent), AM911 (above the size limit) or
   * AM912 (looks generated or minified). AM911/AM912 files are skipped, not failed.
   */
  code?: 'AM904' | 'AM911' | 'AM912';
}

/** Options of {@link FileMap.load}. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped (AM911) unless named; default 1 MiB. */
  maxFileSize?: number;
  /** Display paths the user named explicitly: never skipped for size or for looking generated. */
  explicit?: ReadonlySet<string>;
}

/** In-memory texts of a run's files, original and current. */
export class FileMap {
  private readonly originals = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly readHashes = new Map<string, string>();

  /** @param cwd absolute working directory the keys are relative to */
  constructor(readonly cwd: string) {}

  /**
   * Read `paths` (display paths relative to `cwd`) from disk as UTF-8.
   * Files that cannot be read, or whose bytes are not valid UTF-8 (they would not survive a rewrite
   * byte for byte), are left out of the map and returned as problems (AM904). So are files not named
   * explicitly that are larger than the limit (AM911, not even read) or look generated or minified
   * (AM912; rules in src/engine/input-guard.ts).
   */
  static async load(paths: readonly string[], cwd: string, options: LoadOptions = {}): Promise<{ fileMap: FileMap; problems: LoadProblem[] }> {
    const fileMap = new FileMap(cwd);
    const problems: LoadProblem[] = [];
    const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const loaded = await mapWithLimit(paths, READ_CONCURRENCY, async (p): Promise<{ path: string; text?: string; hash?: string; problem?: LoadProblem }> => {
      const guarded = !options.explicit?.has(p);
      try {
        const abs = fileMap.absolutePath(p);
        const tooLarge = guarded ? checkFileSize(p, (await fsp.stat(abs)).size, limit) : undefined;
        if (tooLarge) return { path: p, problem: { path: p, ...tooLarge } };
        const bytes = await fsp.readFile(abs);
        const text = bytes.toString('utf8');
        if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) return { path: p, problem: { path: p, message: 'not valid UTF-8 text' } };
        const generated = guarded ? checkGenerated(p, text) : undefined;
        if (generated) return { path: p, problem: { path: p, ...generated } };
        return { path: p, text, hash: contentHash(bytes) };
      } catch (error) {
        return { path: p, problem: { path: p, message: (error as Error).message } };
      }
    });
    for (const entry of loaded) {
      if (entry.text !== undefined) {
        fileMap.add(entry.path, entry.text);
        if (entry.hash) fileMap.readHashes.set(entry.path, entry.hash);
      } else problems.push(entry.problem ?? { path: entry.path, message: 'cannot be read' });
    }
    return { fileMap, problems };
  }

  /** Add a file with its original text (used by `load` and by tests that build a map in memory). */
  add(filePath: string, text: string): void {
    this.originals.set(filePath, text);
    this.texts.set(filePath, text);
    this.readHashes.delete(filePath);
  }

  /**
   * sha256 (hex) of the file's bytes as read from disk (of its original text when it was added in
   * memory): what `--write` compares the disk against before replacing the file.
   * @throws Error when the map does not hold `filePath`
   */
  readHash(filePath: string): string {
    const known = this.readHashes.get(filePath);
    if (known !== undefined) return known;
    const original = this.originals.get(filePath);
    if (original === undefined) throw new Error(`FileMap has no file ${filePath}`);
    return contentHash(original);
  }

  /** Absolute path of a key. */
  absolutePath(filePath: string): string {
    return path.resolve(this.cwd, filePath);
  }

  /** Every key, in load order (sorted when loaded from discovery). */
  paths(): string[] {
    return [...this.texts.keys()];
  }

  /** Number of files. */
  get size(): number {
    return this.texts.size;
  }

  has(filePath: string): boolean {
    return this.texts.has(filePath);
  }

  /** Current text of a file, or undefined when the map does not hold it. */
  get(filePath: string): string | undefined {
    return this.texts.get(filePath);
  }

  /**
   * Current text of a file.
   * @throws Error when the map does not hold `filePath`
   */
  getOrThrow(filePath: string): string {
    const text = this.texts.get(filePath);
    if (text === undefined) throw new Error(`FileMap has no file ${filePath}`);
    return text;
  }

  /** Text the file had on disk when loaded, or undefined. */
  getOriginal(filePath: string): string | undefined {
    return this.originals.get(filePath);
  }

  /**
   * Replace the current text of a file.
   * @throws Error when the map does not hold `filePath` (stages never create files)
   */
  set(filePath: string, text: string): void {
    if (!this.texts.has(filePath)) throw new Error(`FileMap has no file ${filePath}`);
    this.texts.set(filePath, text);
  }

  /** True when the current text differs from the original. */
  isChanged(filePath: string): boolean {
    return this.texts.get(filePath) !== this.originals.get(filePath);
  }

  /** Keys of the files whose text changed, in map order. */
  changedPaths(): string[] {
    return this.paths().filter((p) => this.isChanged(p));
  }
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight; results keep the input order. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
