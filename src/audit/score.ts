/**
 * The async score: of the I/O call sites on async-reachable paths (inside async functions, promise
 * callbacks, or synchronous functions an async function reaches), the share that is non-blocking.
 * Sites at top level, in CLI-only code, or in synchronous functions no async code reaches are not
 * on an async path: they are counted in `excluded` (blocking ones), and with every other site in
 * `all` (the share of all I/O call sites that is non-blocking, so a fully synchronous program does
 * not read as 100 % async).
 */
import * as path from 'path';
import type { AsyncScore, ScoreBucket } from './types';

/** One I/O site as the score sees it. */
export interface ScoredSite {
  file: string;
  family: string;
  blocking: boolean;
  /** On an async-reachable path. */
  onAsyncPath: boolean;
}

/** Percentage with one decimal; 100 for an empty bucket (nothing blocks). */
export function percentOf(nonBlocking: number, total: number): number {
  return total === 0 ? 100 : Math.round((nonBlocking / total) * 1000) / 10;
}

function add(buckets: Record<string, ScoreBucket>, key: string, nonBlocking: boolean): void {
  const b = (buckets[key] ??= { total: 0, nonBlocking: 0, percent: 100 });
  b.total++;
  if (nonBlocking) b.nonBlocking++;
  b.percent = percentOf(b.nonBlocking, b.total);
}

/** The folder a file is reported under: its directory, `.` for files at the root. */
export function folderOf(file: string): string {
  const dir = path.posix.dirname(file.split(path.sep).join('/'));
  return dir === '' ? '.' : dir;
}

/** Compute the score from every I/O site of a run. */
export function computeScore(sites: readonly ScoredSite[]): AsyncScore {
  const score: AsyncScore = { overall: { total: 0, nonBlocking: 0, percent: 100 }, byModule: {}, byFolder: {}, excluded: 0 };
  const all = { total: 0, nonBlocking: 0, percent: 100, byModule: {} as Record<string, ScoreBucket> };
  for (const site of sites) {
    all.total++;
    if (!site.blocking) all.nonBlocking++;
    add(all.byModule, site.family, !site.blocking);
    if (!site.onAsyncPath) {
      if (site.blocking) score.excluded++;
      continue;
    }
    score.overall.total++;
    if (!site.blocking) score.overall.nonBlocking++;
    add(score.byModule, site.family, !site.blocking);
    add(score.byFolder, folderOf(site.file), !site.blocking);
  }
  score.overall.percent = percentOf(score.overall.nonBlocking, score.overall.total);
  score.byModule = sortKeys(score.byModule);
  score.byFolder = sortKeys(score.byFolder);
  // A program with no I/O at all reads 100 %; one whose I/O is all blocking reads 0 %, on async paths or not.
  all.percent = percentOf(all.nonBlocking, all.total);
  score.all = { ...all, byModule: sortKeys(all.byModule) };
  return score;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}
