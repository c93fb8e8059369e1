/**
 * The format stage's text-level part: the lines a migration changed, put back into the file's own
 * layout, and findings of later stages mapped back to the lines of the original text.
 *
 * Works on a line diff of the original and the transformed text (the `diff` package, Myers'
 * algorithm), so a line the migration did not change is never touched:
 * - A blank line that starts or ends a run of added lines, where the run replaced no blank line, is
 *   dropped: recast surrounds a newly printed multi-line statement (a `for…of` replacing a
 *   `forEach`) with blank lines (recast 0.23 printer.js `printStatementSequence`), which the
 *   original did not have.
 * - In a tab-indented file, an added line indented with tabs followed by spaces (recast measures a
 *   tab as 4 columns and pads the rest with spaces) is indented with tabs only, when its spaces make
 *   whole tab stops. Lines copied verbatim from the replaced lines keep their text (they may lie
 *   inside a template literal).
 */
import { diffArrays } from 'diff';
import type { Finding } from '../core/findings';

/** Lines of `text`, each with its line terminator. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const isBlank = (line: string): boolean => line.trim().length === 0;

/** One step of a line diff. */
interface Chunk {
  lines: string[];
  added: boolean;
  removed: boolean;
}

// The last few line diffs: the format stage and the finding map ask for the same pair of texts in
// turn, and a line diff of a file with thousands of changed lines costs seconds.
const recentChunks: Array<{ before: string; after: string; chunks: Chunk[] }> = [];

function lineChunks(before: string, after: string): Chunk[] {
  const hit = recentChunks.find((r) => r.before === before && r.after === after);
  if (hit) return hit.chunks;
  const chunks = diffArrays(splitLines(before), splitLines(after)).map((c) => ({ lines: c.value, added: c.added === true, removed: c.removed === true }));
  recentChunks.unshift({ before, after, chunks });
  recentChunks.length = Math.min(recentChunks.length, 4);
  return chunks;
}

/**
 * Is the file indented with tabs (more lines start with a tab than with spaces)? Read from the
 * original text, never from the output.
 */
function indentsWithTabs(text: string): boolean {
  const tabs = (text.match(/^\t+\S/gm) ?? []).length;
  const spaces = (text.match(/^ +\S/gm) ?? []).length;
  return tabs > spaces;
}

/** Columns of `line`'s indentation, a tab counting to the next multiple of 4 (as recast measures it). */
function indentWidth(line: string): number {
  let columns = 0;
  for (const c of /^[\t ]*/.exec(line)?.[0] ?? '') columns = c === '\t' ? columns - (columns % 4) + 4 : columns + 1;
  return columns;
}

/** `line` indented with tabs only, when its indentation (tabs and spaces) makes whole tab stops; else `line`. */
function retab(line: string, tabWidth: number): string {
  const match = /^[\t ]*(?=\S)/.exec(line);
  if (!match || !match[0].includes(' ')) return line;
  let columns = 0;
  for (const c of match[0]) columns = c === '\t' ? columns - (columns % tabWidth) + tabWidth : columns + 1;
  if (columns % tabWidth !== 0) return line;
  return '\t'.repeat(columns / tabWidth) + line.slice(match[0].length);
}

/**
 * The added `lines` put back into the file's layout: a line whose text (without indentation) is one
 * of the `replaced` lines at the same depth takes that line's own text back (recast re-indented it); in a tab-indented
 * file other lines get tab indentation; blank lines go when the replaced lines had none.
 */
function tidyAdded(lines: readonly string[], replaced: readonly string[], tabs: boolean): string[] {
  const byContent = new Map<string, string[]>();
  for (const line of replaced) {
    const key = line.trim();
    if (key.length > 0) byContent.set(key, [...(byContent.get(key) ?? []), line]);
  }
  const dropBlank = !replaced.some(isBlank) && lines.some((line) => !isBlank(line));
  const out: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (!dropBlank) out.push(line);
      continue;
    }
    const same = byContent.get(line.trim()) ?? [];
    const at = same.findIndex((candidate) => indentWidth(candidate) === indentWidth(line));
    const kept = at >= 0 ? same.splice(at, 1)[0] : undefined;
    const ending = /\r?\n$/.exec(line)?.[0] ?? '';
    if (kept !== undefined) out.push(kept.replace(/\r?\n$/, '') + ending);
    else out.push(tabs ? retab(line, 4) : line);
  }
  return out;
}

/**
 * Put the lines that differ between `original` and `text` into the file's own layout (see the
 * module comment); every other line comes back byte for byte.
 * @param original the text as read
 * @param text the transformed text
 * @returns the tidied text (`text` itself when nothing needed tidying)
 */
export function tidyChangedLines(original: string, text: string): string {
  if (original === text) return text;
  const chunks = lineChunks(original, text);
  const tabs = indentsWithTabs(original);
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk.removed) continue;
    if (!chunk.added) {
      out.push(...chunk.lines);
      continue;
    }
    const replaced = chunks[i - 1]?.removed ? chunks[i - 1].lines : chunks[i + 1]?.removed ? chunks[i + 1].lines : [];
    out.push(...tidyAdded(chunk.lines, replaced, tabs));
  }
  return out.join('');
}

/**
 * A map from line numbers of `after` to line numbers of `before` (both 1-based): an unchanged line
 * maps to where it was; a line of added text maps to the first line it replaced (or, for a pure
 * insertion, the original line after the insertion point).
 */
export function createLineMap(before: string, after: string): (afterLine: number) => number {
  if (before === after) return (line) => line;
  // `replaced`: how many original lines an added run took the place of (0 for a pure insertion);
  // the k-th added line maps to the k-th replaced line (the last one past their count).
  const runs: Array<{ after: number; before: number; same: boolean; replaced: number }> = [];
  let a = 1;
  let b = 1;
  let removedAt: number | undefined;
  let removedCount = 0;
  for (const chunk of lineChunks(before, after)) {
    if (chunk.removed) {
      removedAt = b;
      removedCount = chunk.lines.length;
      b += chunk.lines.length;
      continue;
    }
    runs.push({ after: a, before: chunk.added ? (removedAt ?? b) : b, same: !chunk.added, replaced: chunk.added && removedAt !== undefined ? removedCount : 0 });
    a += chunk.lines.length;
    if (!chunk.added) b += chunk.lines.length;
    removedAt = undefined;
    removedCount = 0;
  }
  return (line) => {
    // the last run that starts at or before `line` (runs are in order of `after`)
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].after <= line) lo = mid;
      else hi = mid - 1;
    }
    const found = runs[lo];
    if (!found) return line;
    if (found.same) return found.before + (line - found.after);
    return found.before + Math.min(line - found.after, Math.max(found.replaced - 1, 0));
  };
}

/**
 * Findings a stage reported on `stageInput` (an earlier stage's output), with their lines moved to
 * the lines of `original`, so that `--json`, SARIF and the text report point at the file as it is on
 * disk. Findings on the original text itself come back unchanged.
 */
export function mapFindingLines(findings: readonly Finding[], original: string, stageInput: string): Finding[] {
  if (original === stageInput) return [...findings];
  const toOriginal = createLineMap(original, stageInput);
  return findings.map((f) => (typeof f.line === 'number' && f.line > 0 ? { ...f, line: toOriginal(f.line) } : f));
}
