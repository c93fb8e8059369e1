/**
 * Source text of a node: the original slice when the node came from the parser, else recast's print
 * (for nodes an earlier step built). Used to compare callees and arguments across arms.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';

/** A function from node to its source text. */
export type TextOf = (node: AnyNode) => string;

/**
 * Build {@link TextOf} for one file's `source`; `fileLines` is recast's line table of that file (the
 * File node's `loc.lines`), which tells the file's own nodes from nodes parsed out of a snippet (such
 * as a temporary's type annotation), whose offsets point into the snippet.
 */
export function createTextOf(j: JSCodeshift, source: string, fileLines: unknown, parsedLength: number | undefined): TextOf {
  // Offsets index the text the parser saw. recast drops a byte-order mark (shift 1) and expands
  // leading tabs (then the lengths differ otherwise): slice the source only when the shift is known.
  const shift = parsedLength === undefined ? -1 : source.length - parsedLength;
  const sliceable = !source.includes('\t') && (shift === 0 || (shift === 1 && source.charCodeAt(0) === 0xfeff));
  return (node) => {
    const loc = node?.loc;
    if (loc && typeof node.start === 'number' && typeof node.end === 'number') {
      if (sliceable && loc.lines === fileLines) return source.slice(node.start + shift, node.end + shift);
      if (loc.lines) return loc.lines.slice(loc.start, loc.end).toString();
    }
    return j(node).toSource();
  };
}
