/**
 * Mark the plan's functions `async`: function declarations and expressions, arrows (concise bodies
 * too), object and class methods (static, `#private`, decorated). recast prints the keyword after
 * decorators and modifiers and before type parameters; a function that is already async is left as
 * it is (never `async async`).
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { findPathsEndingAt } from './index-nodes';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/** Add `async` to each planned function; returns how many were changed. */
export function addAsync(j: JSCodeshift, root: Collection, { filePlan, report }: StepOptions): number {
  const byEnd = findPathsEndingAt(j, root, new Set(filePlan.asyncFunctions.map((f) => f.end)), (n) => FUNCTION_TYPES.has(n.type));
  let changed = 0;
  for (const planned of filePlan.asyncFunctions) {
    const candidates = (byEnd.get(planned.end) ?? []).map((p) => p.node as unknown as LooseNode);
    // Nested arrows can share an end (`() => () => x`): the one starting at the planned offset wins,
    // else the outermost (decorators and modifiers may make babel start a method elsewhere).
    const node = candidates.find((n) => n.start === planned.start) ?? candidates[0];
    if (!node || (node.type === 'ClassMethod' && node.kind !== 'method')) {
      report({ kind: 'left-alone', code: 'AM331', message: `${planned.name}: the plan names a function at ${planned.line}:${planned.column} that is not in this text (stale plan?); left as it is`, position: { line: planned.line, column: planned.column - 1 }, subject: planned.name });
      continue;
    }
    if (node.async || node.generator) continue;
    node.async = true;
    changed++;
    report({ kind: 'rewritten', code: 'AM301', message: `${planned.name} became async: ${planned.chain.map((s) => s.text).join(' ← ')}`, position: node.loc?.start, subject: planned.name });
  }
  return changed;
}
