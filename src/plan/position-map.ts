/**
 * Map positions in a migrated text back to the original text, so that a diagnostic of the migrated
 * project can be compared with the original's diagnostics (same code, same place) and attributed to
 * the plan entries (whose offsets are in the original text).
 *
 * The map comes from a diff in two steps (the `diff` package, Myers' algorithm, whose cost grows with
 * the text's length times the number of differences): first by lines, then by characters inside each
 * run of replaced lines only. Inside unchanged text a position maps one to one; inside inserted text
 * it maps to the insertion point. A run of replaced lines longer than {@link CHAR_DIFF_LIMIT}
 * characters is not diffed by characters (a position inside it maps to the start of the original
 * lines it replaced). A whole-file character diff of a file with hundreds of rewritten sites took
 * seconds per verification; the line diff keeps it linear in practice.
 */
import { diffChars, diffLines, type Change } from 'diff';

/** Above this many characters (either side of one run of replaced lines), keep the run line-level. */
export const CHAR_DIFF_LIMIT = 100_000;

/** One aligned piece: `after` offsets [afterStart, afterStart + afterLength) ↔ `before` [beforeStart, …). */
interface Piece {
  afterStart: number;
  afterLength: number;
  beforeStart: number;
  /** true: the after text of this piece equals the before text (same length). */
  same: boolean;
}

/** A position map from one migrated text to its original. */
export interface PositionMap {
  /** The original offset of `afterOffset` (inside inserted text: the insertion point). */
  toOriginal(afterOffset: number): number;
  /** Whether `afterOffset` lies in text the migration did not change. */
  isUnchanged(afterOffset: number): boolean;
}

/**
 * Build the map from `before` (original) to `after` (migrated).
 * @returns a map; identical texts give the identity
 */
export function createPositionMap(before: string, after: string): PositionMap {
  if (before === after) return { toOriginal: (o) => o, isUnchanged: () => true };
  const pieces: Piece[] = [];
  let a = 0;
  let b = 0;
  const take = (change: Change) => {
    const length = change.value.length;
    if (change.added) {
      pieces.push({ afterStart: a, afterLength: length, beforeStart: b, same: false });
      a += length;
    } else if (change.removed) {
      b += length;
    } else {
      pieces.push({ afterStart: a, afterLength: length, beforeStart: b, same: true });
      a += length;
      b += length;
    }
  };
  const lines = diffLines(before, after);
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    const next = lines[i + 1];
    // a run of replaced lines (removed then added, or added then removed): diff it by characters
    if (next && (change.removed || change.added) && (next.removed || next.added) && change.added !== next.added) {
      const removed = change.removed ? change.value : next.value;
      const added = change.added ? change.value : next.value;
      if (removed.length <= CHAR_DIFF_LIMIT && added.length <= CHAR_DIFF_LIMIT) diffChars(removed, added).forEach(take);
      else [{ value: removed, removed: true, added: false, count: 0 }, { value: added, added: true, removed: false, count: 0 }].forEach(take);
      i++;
      continue;
    }
    take(change);
  }
  const find = (offset: number): Piece | undefined => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid];
      if (offset < p.afterStart) hi = mid - 1;
      else if (offset >= p.afterStart + p.afterLength) lo = mid + 1;
      else return p;
    }
    return undefined;
  };
  return {
    toOriginal(offset) {
      const piece = find(offset);
      if (!piece) return b;
      return piece.same ? piece.beforeStart + (offset - piece.afterStart) : piece.beforeStart;
    },
    isUnchanged(offset) {
      return find(offset)?.same ?? false;
    },
  };
}

/** 1-based line of `offset` in `text` (line starts computed once per text and cached). */
export function lineAt(text: string, offset: number): number {
  let starts = lineStartsCache.get(text);
  if (!starts) {
    if (lineStartsCache.size > 256) lineStartsCache.clear();
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStartsCache.set(text, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const lineStartsCache = new Map<string, number[]>();
