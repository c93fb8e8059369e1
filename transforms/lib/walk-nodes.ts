/**
 * A plain recursive walk over AST nodes (no NodePath objects), for cheap scans such as "is this name
 * assigned anywhere under here". Skips location data, tokens and comments.
 */
import type { AnyNode } from './lexical-scope';

const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'extra', 'range']);

/**
 * Call `visit(node, parent, key)` for `root` and every node under it, depth first, in source order.
 * When `visit` returns `false`, the children of that node are skipped.
 */
export function walkNodes(root: AnyNode, visit: (node: AnyNode, parent: AnyNode | undefined, key: string | undefined) => boolean | void): void {
  const step = (node: AnyNode, parent: AnyNode | undefined, key: string | undefined): void => {
    if (visit(node, parent, key) === false) return;
    for (const k of Object.keys(node)) {
      if (SKIPPED_KEYS.has(k)) continue;
      const child = node[k];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof c.type === 'string') step(c, node, k);
      } else if (child && typeof child === 'object' && typeof child.type === 'string') {
        step(child, node, k);
      }
    }
  };
  if (root && typeof root.type === 'string') step(root, undefined, undefined);
}
