/**
 * Source text of a node: the original slice when the node came from the parser, else recast's print
 * (for nodes an earlier step built). Used to compare callees and arguments across arms.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';

/** A function from node to its source text. */
export type TextOf = (node: AnyNode) => string;

/** Build {@link TextOf} for one file's `source`. */
export function createTextOf(j: JSCodeshift, source: string): TextOf {
  const plain = !source.includes('\t');
  return (node) => {
    const loc = node?.loc;
    if (loc && typeof node.start === 'number' && typeof node.end === 'number') {
      // recast parses a copy of the source with leading tabs expanded, so offsets are only valid
      // in the original text when it has no tabs; otherwise slice recast's own line table.
      if (plain) return source.slice(node.start, node.end);
      if (loc.lines) return loc.lines.slice(loc.start, loc.end).toString();
    }
    return j(node).toSource();
  };
}
