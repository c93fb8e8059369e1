/**
 * The new text of a braced list — named imports `{ a, b as c }`, a destructuring pattern
 * `{ a, b: c }` — after the rewrite removed some items and added others, in the list's own layout:
 * line breaks, indentation and a trailing comma survive, so do the items' own texts.
 *
 * The list is read as `open item0 sep0 item1 sep1 … itemN trailing`, where `open` runs from `{` to the
 * first item, each `sep` from one item to the next (`, ` or `,\n  `), and `trailing` from the last
 * item to `}` (`,\n}` with a trailing comma). A removed item takes its own following separator with
 * it (the last item takes the one before it, but a comment on the last kept item's line stays); an
 * added item is written after the last kept one with the list's separator.
 */

/** Offsets of one original item in the original text, end exclusive. */
export type ItemRange = readonly [start: number, end: number];

/** A list to rebuild. */
export interface ListEdit {
  /** The whole original text. */
  text: string;
  /** Offset of the list's `{` and of its `}`. */
  open: number;
  close: number;
  /** The original items, in order; at least one. */
  items: readonly ItemRange[];
  /** Indexes (into `items`) of the items kept, in order. */
  kept: readonly number[];
  /** Texts of the items added, in order. */
  added: readonly string[];
}

const hasComment = (text: string): boolean => /\/[/*]/.test(text);

/** A separator without the comments in it: `, // note\n  ` → `,\n  `. */
const withoutComments = (text: string): string => text.replace(/[ \t]*\/\/[^\r\n]*/g, '').replace(/[ \t]*\/\*[\s\S]*?\*\//g, '');

/**
 * The list's new text from `{` to `}` inclusive, e.g. `{\n  readFile,\n  stat,\n}`.
 * Returns undefined when nothing is left (the caller drops the list or the statement).
 */
export function rebuildListText(list: ListEdit): string | undefined {
  const { text, items, kept, added } = list;
  if (kept.length + added.length === 0 || items.length === 0) return undefined;
  const itemText = (i: number) => text.slice(items[i][0], items[i][1]);
  const separatorAfter = (i: number) => text.slice(items[i][1], items[i + 1][0]);
  const opening = text.slice(list.open, items[0][0]);
  const trailing = text.slice(items[items.length - 1][1], list.close + 1);

  let separator = withoutComments(items.length > 1 ? separatorAfter(items.length - 2) : opening.includes('\n') ? `,${opening.slice(1)}` : ', ');
  if (!separator.includes(',')) separator = ', ';

  let out = opening;
  kept.forEach((index, n) => {
    out += itemText(index);
    if (n < kept.length - 1) out += separatorAfter(index);
  });
  // A comment on the last kept item's line (`statSync, // why`) stays when the items after it go.
  const last = kept[kept.length - 1];
  const sameLine = last !== undefined && last < items.length - 1 ? /^[^\r\n]*(?=\r?\n)/.exec(separatorAfter(last))?.[0] : undefined;
  const comment = sameLine !== undefined && hasComment(sameLine) ? sameLine : undefined;
  if (comment !== undefined && added.length > 0) return out + comment + separator.replace(/^[^,]*,/, '') + added.join(separator) + trailing;
  if (comment !== undefined) return out + (trailing.startsWith(',') ? comment + trailing.slice(1) : comment.replace(/^\s*,/, '') + trailing);
  added.forEach((item, n) => {
    out += (kept.length > 0 || n > 0 ? separator : '') + item;
  });
  return out + trailing;
}
