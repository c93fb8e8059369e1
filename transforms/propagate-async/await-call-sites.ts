/**
 * Wrap the plan's call sites in `await`. The AwaitExpression is built as a node, so recast adds the
 * parentheses precedence needs: `(await f()).x`, `(await f())()`, `(await f())?.y`.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { indexNodesByRange } from './index-nodes';

const CALL_TYPES = new Set(['CallExpression', 'OptionalCallExpression']);

/** Await each planned call site; returns how many were changed. */
export function awaitCallSites(j: JSCodeshift, root: Collection, { filePlan, report, key }: StepOptions): number {
  const index = indexNodesByRange(j, root, new Set(filePlan.awaitSites.map((s) => key(s.start, s.end))));
  let changed = 0;
  // Inner calls first: replacing an argument keeps the outer call's node, which is wrapped after.
  const sites = [...filePlan.awaitSites].sort((a, b) => a.end - a.start - (b.end - b.start));
  for (const site of sites) {
    const path = index.get(key(site.start, site.end));
    const node = path?.node as unknown as LooseNode | undefined;
    if (!path || !node || !CALL_TYPES.has(node.type)) {
      report({ kind: 'left-alone', code: 'AM331', message: `${site.callee}(): the plan names a call at ${site.line}:${site.column} that is not in this text (stale plan?); left as it is`, position: { line: site.line, column: site.column - 1 }, subject: site.callee });
      continue;
    }
    if ((path.parent?.node as LooseNode | undefined)?.type === 'AwaitExpression') continue;
    // await f()
    path.replace(j.awaitExpression(path.node as never));
    changed++;
    report({ kind: 'rewritten', code: 'AM302', message: `${site.callee}() is now awaited`, position: node.loc?.start, subject: site.callee });
  }
  return changed;
}
