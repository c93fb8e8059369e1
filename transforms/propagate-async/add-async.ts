/**
 * Mark the plan's functions `async`: function declarations and expressions, arrows (concise bodies
 * too), object and class methods (static, `#private`, decorated, with modifiers), generics.
 *
 * recast would reprint a whole function header to add the keyword (losing `function (` spacing and
 * comments in it), so the keyword is inserted as text instead, after every other edit is printed:
 * functions are matched between the edited tree and the printed text by their order in the source
 * (edits before this step add no functions), and `async ` goes right before the method key (after
 * decorators and modifiers such as `public static override`), before `function`, or before the
 * arrow's parameters or type parameters. A function that is already async is left as it is (never
 * `async async`); generators are never marked (the plan pins them).
 */
import { parse as babelParse } from '@babel/parser';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { babelOptionsFor, parserNameFor } from '../lib/parser';
import { walkNodes } from '../lib/walk-nodes';
import type { LooseNode, StepOptions } from './context';
import { findPathsEndingAt } from './index-nodes';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/** Functions of a tree in source order (by start offset). */
function functionsInOrder(root: LooseNode): LooseNode[] {
  const found: LooseNode[] = [];
  walkNodes(root as never, (node) => {
    if (FUNCTION_TYPES.has((node as LooseNode).type)) found.push(node as LooseNode);
  });
  return found.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/**
 * Find the planned functions in the recast tree and check them; returns the functions' indices in
 * source order (input to {@link insertAsyncKeywords}). Reports AM301 per function, AM331 per stale entry.
 */
export function findAsyncTargets(j: JSCodeshift, root: Collection, { filePlan, report }: StepOptions): Set<number> {
  const byEnd = findPathsEndingAt(j, root, new Set(filePlan.asyncFunctions.map((f) => f.end)), (n) => FUNCTION_TYPES.has(n.type));
  const targets = new Set<LooseNode>();
  for (const planned of filePlan.asyncFunctions) {
    const candidates = (byEnd.get(planned.end) ?? []).map((p) => p.node as unknown as LooseNode);
    // Nested arrows can share an end (`() => () => x`): the one starting at the planned offset wins,
    // else the outermost (babel may start a decorated method elsewhere than TypeScript).
    const node = candidates.find((n) => n.start === planned.start) ?? candidates[0];
    if (!node || ((node.type === 'ClassMethod' || node.type === 'ObjectMethod') && node.kind !== 'method')) {
      report({ kind: 'left-alone', code: 'AM331', message: `${planned.name}: the plan names a function at ${planned.line}:${planned.column} that is not in this text (stale plan?); left as it is`, position: { line: planned.line, column: planned.column - 1 }, subject: planned.name });
      continue;
    }
    if (node.async || node.generator || targets.has(node)) continue;
    targets.add(node);
    report({ kind: 'rewritten', code: 'AM301', message: `${planned.name} became async: ${planned.chain.map((s) => s.text).join(' ← ')}`, position: node.loc?.start, subject: planned.name });
  }
  const ordered = functionsInOrder(root.get().node as LooseNode);
  return new Set(ordered.flatMap((n, i) => (targets.has(n) ? [i] : [])));
}

/** Offset where `async ` goes in a function node of a freshly parsed text. */
function asyncOffset(node: LooseNode, text: string): number {
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod') {
    const key = node.key as LooseNode;
    let at = key.start as number;
    if (node.computed) at = text.lastIndexOf('[', at);
    return at;
  }
  if (node.type === 'ArrowFunctionExpression') {
    const typeParameters = node.typeParameters as LooseNode | undefined;
    return typeParameters?.start ?? (node.start as number);
  }
  return node.start as number; // `function` keyword (an `export`/`export default` is the parent's)
}

/**
 * Insert `async ` before the functions at `indices` (source order) of `text`, which is the printed
 * output of the tree {@link findAsyncTargets} looked at.
 * @throws Error when the printed text has a different number of functions (a bug, not user input).
 */
export function insertAsyncKeywords(text: string, filePath: string, indices: ReadonlySet<number>, expectedCount: number): string {
  if (indices.size === 0) return text;
  // The text has `await` in functions that are not async yet: parse with error recovery.
  const ast = babelParse(text, { ...babelOptionsFor(parserNameFor(filePath)), tokens: false, errorRecovery: true });
  const functions = functionsInOrder(ast.program as unknown as LooseNode);
  if (functions.length !== expectedCount) throw new Error(`propagate-async: ${filePath}: ${functions.length} functions after printing, ${expectedCount} before`);
  const offsets = [...indices].map((i) => asyncOffset(functions[i], text)).sort((a, b) => b - a);
  let out = text;
  for (const at of offsets) out = `${out.slice(0, at)}async ${out.slice(at)}`;
  return out;
}

/** Number of functions in the recast tree (to check the printed text against). */
export function countFunctions(root: Collection): number {
  return functionsInOrder(root.get().node as LooseNode).length;
}
