/**
 * "Did you mean …?" for mistyped commands, options and config keys.
 *
 * The distance is the optimal string alignment distance (Levenshtein plus the swap of two adjacent
 * letters, so `wirte` is one step from `write`). A candidate is suggested when it is at most a third
 * of the word's length away (at least 1, at most 3 steps) — close enough that the user most likely
 * meant it — or when the word is a prefix of exactly one candidate.
 */

/**
 * Edit distance between `a` and `b`: insertions, deletions, substitutions and swaps of two adjacent
 * characters each cost 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate the user most likely meant by `word`, or undefined when none is close.
 * Case is ignored; ties go to the candidate listed first.
 * @param word what the user typed (without leading dashes)
 * @param candidates the valid names
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(typed, name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  const prefixed = candidates.filter((name) => typed.length >= 2 && name.toLowerCase().startsWith(typed));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` (did you mean <prefix><match>?)` when a candidate is close to `word`, else the empty string. */
export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean ${prefix}${match}?)`;
}

/** `a, b or c` */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
