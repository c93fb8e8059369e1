/**
 * Find the nodes a plan names. Plan offsets are into the raw text (as the TypeScript compiler and
 * @babel/parser count them). recast parses a normalised copy of the text (line terminators → `\n`,
 * leading tabs → spaces), so its nodes' `start`/`end` do not match raw offsets in CRLF or
 * tab-indented files; its `loc` line/column do, once the column is counted the way recast counts it:
 * leading whitespace expanded (tab stops every `tabWidth`; `\r`, `\v`, `\f` and a BOM count zero),
 * every other character one. So raw offsets are turned into recast positions, and nodes are matched
 * by their start and end positions. Several nodes can share a range (`Config` is a TSTypeReference
 * and its Identifier): the outermost one, met first in a depth-first walk, is kept.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/** Turns a raw `[start, end)` range of one text into the key of recast's `loc` for it. */
export type RangeKeyer = (start: number, end: number) => string;

/** `start:end` (recast positions) → the outermost path with that range. */
export type RangeIndex = Map<string, ASTPath<unknown>>;

const TERMINATOR = /\r\n|\r|\n|\u2028|\u2029/g;

/** recast's column of leading whitespace `spaces` (tab stops every `tabWidth`). */
function indentWidth(spaces: string, tabWidth: number): number {
  let count = 0;
  for (const ch of spaces) {
    if (ch === '\t') count = count % tabWidth === 0 ? count + tabWidth : Math.ceil(count / tabWidth) * tabWidth;
    else if (ch !== '\r' && ch !== '\v' && ch !== '\f' && ch !== '\uFEFF') count += 1;
  }
  return count;
}

/** A keyer for `text` (recast's default tab width is 4, which jscodeshift's parse uses). */
export function createRangeKeyer(text: string, tabWidth = 4): RangeKeyer {
  const lineStarts = [0];
  for (const m of text.matchAll(TERMINATOR)) lineStarts.push((m.index as number) + m[0].length);
  const position = (offset: number): string => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = lineStarts[lo];
    const lineEnd = lo + 1 < lineStarts.length ? lineStarts[lo + 1] : text.length;
    const lead = /^\s*/.exec(text.slice(lineStart, lineEnd).replace(/[\r\n\u2028\u2029]+$/, ''))?.[0] ?? '';
    const inLead = offset - lineStart <= lead.length;
    const column = inLead ? indentWidth(lead.slice(0, offset - lineStart), tabWidth) : indentWidth(lead, tabWidth) + (offset - lineStart - lead.length);
    return `${lo + 1}:${column}`;
  };
  return (start, end) => `${position(start)}-${position(end)}`;
}

type Located = { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } };

/** Key of a recast node's `loc`, comparable with {@link RangeKeyer} output. */
const locKey = (node: Located) => (node.loc ? `${node.loc.start.line}:${node.loc.start.column}-${node.loc.end.line}:${node.loc.end.column}` : undefined);

/**
 * Index the paths whose range key is in `wanted`. Plan entries name expressions and type nodes,
 * never statements: without a `;`, an expression statement has its expression's range, so
 * statements are not indexed (the expression inside is).
 */
export function indexNodesByRange(j: JSCodeshift, root: Collection, wanted: ReadonlySet<string>): RangeIndex {
  const index: RangeIndex = new Map();
  if (wanted.size === 0) return index;
  root.find(j.Node).forEach((p) => {
    if ((p.node as { type: string }).type === 'ExpressionStatement') return;
    const key = locKey(p.node as Located);
    if (key && wanted.has(key) && !index.has(key)) index.set(key, p);
  });
  return index;
}
