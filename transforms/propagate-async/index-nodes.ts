/**
 * Find the nodes a plan names by their offsets. Plan offsets come from the TypeScript compiler on
 * the same text; @babel/parser counts the same way (`node.start`/`node.end`), so a node is found by
 * its range. Several nodes can share a range (`Config` is a TSTypeReference and its Identifier): the
 * outermost one, met first in a depth-first walk, is kept.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/** `start:end` → the outermost path with that range. */
export type RangeIndex = Map<string, ASTPath<unknown>>;

/** Key of a range. */
export const rangeKey = (start: number, end: number) => `${start}:${end}`;

/** Index the paths whose range is in `wanted` (keys from {@link rangeKey}). */
export function indexNodesByRange(j: JSCodeshift, root: Collection, wanted: ReadonlySet<string>): RangeIndex {
  const index: RangeIndex = new Map();
  if (wanted.size === 0) return index;
  root.find(j.Node).forEach((p) => {
    const node = p.node as { start?: number; end?: number };
    if (typeof node.start !== 'number' || typeof node.end !== 'number') return;
    const key = rangeKey(node.start, node.end);
    if (wanted.has(key) && !index.has(key)) index.set(key, p);
  });
  return index;
}

/** Every path whose node ends at `end` and satisfies `test` (for functions: decorators may shift the start). */
export function findPathsEndingAt(j: JSCodeshift, root: Collection, ends: ReadonlySet<number>, test: (node: { type: string }) => boolean): Map<number, ASTPath<unknown>[]> {
  const found = new Map<number, ASTPath<unknown>[]>();
  if (ends.size === 0) return found;
  root.find(j.Node).forEach((p) => {
    const node = p.node as { end?: number; type: string };
    if (typeof node.end !== 'number' || !ends.has(node.end) || !test(node)) return;
    const list = found.get(node.end);
    if (list) list.push(p);
    else found.set(node.end, [p]);
  });
  return found;
}
