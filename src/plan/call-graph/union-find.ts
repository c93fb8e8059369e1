/**
 * Families as a union-find over function ids (`CallGraph.parent`): the functions of one family change
 * together or not at all (see ./families.ts for what makes a family).
 */
import type { CallGraph, FnNode } from './types';

/** The family representative of a function (the smallest id of its family); compresses the path on the way. */
export function familyOf(graph: CallGraph, id: number): number {
  let r = id;
  while (graph.parent[r] !== r) r = graph.parent[r];
  let i = id;
  while (graph.parent[i] !== r) {
    const next = graph.parent[i];
    graph.parent[i] = r;
    i = next;
  }
  return r;
}

/** Merge the families of `a` and `b`; the smaller representative id stays the representative. */
export function union(graph: CallGraph, a: FnNode, b: FnNode): void {
  const ra = familyOf(graph, a.id);
  const rb = familyOf(graph, b.id);
  if (ra !== rb) graph.parent[Math.max(ra, rb)] = Math.min(ra, rb);
}
