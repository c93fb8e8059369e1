/**
 * SARIF fixes and report snippets in the file's final layout (issue 12): a transform records a
 * rewritten site's replacement as it printed it (`await access(p).then(() => true, () => false)`);
 * the format stage may then lay that text out over several lines (./layout, the project's Prettier).
 * Here each replacement is looked up in the final text, near the line the site moved to, and taken
 * from there: the same tokens, the final line breaks and trailing commas. Its continuation lines are
 * given relative to the indentation of the line it starts on (src/report/sarif.ts
 * `indentContinuation` adds the indentation of the line a fix goes into).
 */
import type { Finding } from '../core/findings';
import { createLineMap } from './format';

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const CLOSERS = ')]}';

/**
 * The end offset of a match of `wanted` in `text` from `start`: the same characters, whitespace
 * ignored on both sides, and a `,` before a closing bracket allowed in `text` only; undefined when
 * they differ.
 */
function matchAt(text: string, start: number, wanted: string): number | undefined {
  let i = 0;
  let j = start;
  for (;;) {
    while (isSpace(wanted[i])) i++;
    if (i >= wanted.length) return j;
    while (isSpace(text[j])) j++;
    if (j >= text.length) return undefined;
    if (text[j] === wanted[i]) {
      i++;
      j++;
      continue;
    }
    if (text[j] !== ',') return undefined;
    let k = j + 1;
    while (isSpace(text[k])) k++;
    if (!CLOSERS.includes(text[k] ?? '') || text[k] !== wanted[i]) return undefined;
    j = k;
  }
}

/** Offset of the start of each line of `text` (0-based lines). */
const lineStarts = (text: string): number[] => [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];

/**
 * `replacement` as it reads in `final`, searched on the line `line` (1-based, of `final`) and the
 * three lines after it; continuation lines relative to the indentation of the line it starts on.
 * @returns undefined when it is not found there (the caller keeps the transform's text)
 */
export function finalReplacementText(final: string, line: number, replacement: string): string | undefined {
  const starts = lineStarts(final);
  const from = starts[Math.max(line - 1, 0)] ?? 0;
  const to = starts[Math.min(line + 3, starts.length - 1)] ?? final.length;
  const first = replacement.trimStart()[0];
  for (let at = final.indexOf(first, from); at >= 0 && at < to; at = final.indexOf(first, at + 1)) {
    const end = matchAt(final, at, replacement.trim());
    if (end === undefined) continue;
    const found = final.slice(at, end);
    if (!found.includes('\n')) return found;
    const lineStart = final.lastIndexOf('\n', at - 1) + 1;
    const base = /^[\t ]*/.exec(final.slice(lineStart))?.[0] ?? '';
    return found
      .split('\n')
      .map((l, k) => (k > 0 && l.startsWith(base) ? l.slice(base.length) : l).replace(/\r$/, ''))
      .join('\n');
  }
  return undefined;
}

/**
 * The findings of one file with their replacements taken from the file's final text (see the module
 * comment). Findings without a replacement, or whose replacement is not found, come back unchanged.
 * @param findings findings on lines of `original` (1-based)
 */
export function replacementsInFinalLayout(findings: readonly Finding[], original: string, final: string): Finding[] {
  if (original === final || !findings.some((f) => f.replacement !== undefined)) return [...findings];
  // lines of `original` to lines of `final`
  const toFinal = createLineMap(final, original);
  return findings.map((f) => {
    if (f.replacement === undefined || f.kind !== 'rewritten') return f;
    const text = finalReplacementText(final, toFinal(f.line), f.replacement);
    return text === undefined || text === f.replacement ? f : { ...f, replacement: text };
  });
}
