/**
 * `return;` in a callback that becomes a loop body must become `continue;`: marked in the tree
 * ({@link markReturnsAsContinue}), finished in the printed text ({@link finishContinues}).
 */
import type { JSCodeshift } from 'jscodeshift';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from '../lib/node-kinds';
import { walkNodes } from '../lib/walk-nodes';
import type { LooseNode } from './context';

/**
 * Marker for `continue`: recast can only reprint a statement in place when its type is unchanged, so
 * a callback's `return;` becomes `return <marker>;` in the tree (only that statement is reprinted) and
 * {@link finishContinues} turns it into `continue` in the printed text.
 */
export const CONTINUE_MARKER = '__asyncMigrateContinue__';

/** Mark the callback's own `return;` statements (not those of nested functions) to become `continue;`. */
export function markReturnsAsContinue(j: JSCodeshift, body: LooseNode): void {
  walkNodes(body as never, (node) => {
    const n = node as LooseNode;
    if (n !== body && FUNCTION_TYPES.has(n.type)) return false;
    if (n.type === 'ReturnStatement' && !n.argument) n.argument = j.identifier(CONTINUE_MARKER);
    return undefined;
  });
}

/** `return <marker>` → `continue` in printed text. */
export function finishContinues(text: string): string {
  return text.includes(CONTINUE_MARKER) ? text.split(`return ${CONTINUE_MARKER}`).join('continue') : text;
}
