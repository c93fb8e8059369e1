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
export function createTextOf(j: JSCodeshift, source: string, fileLines: unknown): TextOf {
  const plain = !source.includes('\t');
  return (node) => {
    const loc = node?.loc;
    if (loc && typeof node.start === 'number' && typeof node.end === 'number') {
      // recast parses a copy of the source with leading tabs expanded, so offsets are only valid
      // in the original text when it has no tabs; otherwise slice recast's own line table.
      if (plain && loc.lines === fileLines) return source.slice(node.start, node.end);
      if (loc.lines) return loc.lines.slice(loc.start, loc.end).toString();
    }
    return j(node).toSource();
  };
}
