/**
 * The original text of nodes parsed through recast.
 *
 * recast hands the parser a normalised copy of the file: leading tabs expanded to spaces (tab width 4
 * by default) and every line break turned into `\n` (recast `lib/parser.js`, `lib/lines.js`). So a
 * node's `start`/`end` offsets index that copy, not the file: slicing the file with them is wrong as
 * soon as a line is tab-indented or ends in CRLF. This module maps a node's `loc` (line, column in the
 * normalised copy) back to offsets in the original text.
 */

/** A node with recast/babel locations. */
export interface Located {
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

/** Maps locations to original offsets for one source text. */
export interface SourceText {
  /** The original text of `node`, or undefined when it has no location (a node built by a transform). */
  textOf(node: Located): string | undefined;
  /** The original text between the end of `a` and the start of `b`. */
  between(a: Located, b: Located): string | undefined;
  /** The original text from `from` to `to` (recast/babel positions). */
  slice(from: { line: number; column: number }, to: { line: number; column: number }): string;
  /** The original 0-based column of a location (`loc.start`): tabs in the indentation count as one. */
  columnOf(position: { line: number; column: number }): number;
  /** The offset in the original text of a location (recast/babel position). */
  offsetOf(position: { line: number; column: number }): number;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** recast's indentation width of leading whitespace (lines.js `countSpaces`). */
function countSpaces(spaces: string, tabWidth: number): number {
  let count = 0;
  for (const ch of spaces) {
    if (ch === '\t') {
      const next = Math.ceil(count / tabWidth) * tabWidth;
      count = next === count ? count + tabWidth : next;
    } else if (ch === ' ') count += 1;
  }
  return count;
}

/**
 * Build the location mapper for `source` (the exact text given to `j(source)`).
 * `tabWidth` must be the one recast parsed with (jscodeshift uses recast's default, 4).
 */
export function createSourceText(source: string, tabWidth = 4): SourceText {
  const lineStarts = [0];
  for (const match of source.matchAll(LINE_BREAK)) lineStarts.push((match.index ?? 0) + match[0].length);

  const offsetOf = (line: number, column: number): number => {
    const start = lineStarts[line - 1] ?? source.length;
    const end = line < lineStarts.length ? lineStarts[line] : source.length;
    const text = source.slice(start, end);
    const leading = /^[ \t\v\f\r\uFEFF]*/.exec(text)?.[0] ?? '';
    const indent = countSpaces(leading, tabWidth);
    if (column >= indent) return start + leading.length + (column - indent);
    // Inside the indentation: walk it.
    let col = 0;
    for (let i = 0; i < leading.length; i++) {
      if (col >= column) return start + i;
      col = countSpaces(leading.slice(0, i + 1), tabWidth);
    }
    return start + leading.length;
  };

  const range = (node: Located) => (node.loc ? [offsetOf(node.loc.start.line, node.loc.start.column), offsetOf(node.loc.end.line, node.loc.end.column)] : undefined);

  return {
    textOf(node) {
      const r = range(node);
      return r ? source.slice(r[0], r[1]) : undefined;
    },
    slice(from, to) {
      return source.slice(offsetOf(from.line, from.column), offsetOf(to.line, to.column));
    },
    offsetOf(position) {
      return offsetOf(position.line, position.column);
    },
    columnOf(position) {
      return offsetOf(position.line, position.column) - (lineStarts[position.line - 1] ?? 0);
    },
    between(a, b) {
      const ra = range(a);
      const rb = range(b);
      return ra && rb ? source.slice(ra[1], rb[0]) : undefined;
    },
  };
}
