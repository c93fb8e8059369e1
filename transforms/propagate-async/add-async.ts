/**
 * Mark the plan's functions `async`: function declarations and expressions, arrows (concise bodies
 * too), object and class methods (static, `#private`, decorated, with modifiers), generics.
 *
 * recast would reprint a whole function header to add the keyword (losing `function (` spacing and
 * comments in it), so the keyword is inserted as text, FIRST, on the original text: `async ` goes
 * right before the method key (after decorators and modifiers such as `public static override`; before
 * a generator's `*`), before `function`, or before the arrow's parameters or type parameters. The
 * other steps then parse the text with its async functions (so `await` and `for await` parse) and find
 * their nodes at the plan's offsets moved by {@link shiftOffset}. A function that is already async is left as it is (never
 * `async async`); a generator becomes an async generator (`async function*`, `async *gen()`).
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { findPathsEndingAt } from './index-nodes';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/**
 * Find the planned functions in the tree of the ORIGINAL text and return the offsets where `async `
 * goes, ascending. Reports AM301 per function, AM331 per stale entry.
 */
export function findAsyncInsertions(j: JSCodeshift, root: Collection, source: string, { filePlan, report }: StepOptions): number[] {
  const byEnd = findPathsEndingAt(j, root, new Set(filePlan.asyncFunctions.map((f) => f.end)), (n) => FUNCTION_TYPES.has(n.type));
  const offsets = new Set<number>();
  for (const planned of filePlan.asyncFunctions) {
    const candidates = (byEnd.get(planned.end) ?? []).map((p) => p.node as unknown as LooseNode);
    // Nested arrows can share an end (`() => () => x`): the one starting at the planned offset wins,
    // else the outermost (babel may start a decorated method elsewhere than TypeScript).
    const node = candidates.find((n) => n.start === planned.start) ?? candidates[0];
    if (!node || ((node.type === 'ClassMethod' || node.type === 'ObjectMethod') && node.kind !== 'method')) {
      report({ kind: 'left-alone', code: 'AM331', message: `${planned.name}: the plan names a function at ${planned.line}:${planned.column} that is not in this text (stale plan?); left as it is`, position: { line: planned.line, column: planned.column - 1 }, subject: planned.name });
      continue;
    }
    if (node.async) continue;
    offsets.add(asyncOffset(node, source));
    report({ kind: 'rewritten', code: 'AM301', message: `${planned.name} became async: ${planned.chain.map((s) => s.text).join(' ← ')}`, position: node.loc?.start, subject: planned.name });
  }
  return [...offsets].sort((a, b) => a - b);
}

/** Offset where `async ` goes in a function node. */
function asyncOffset(node: LooseNode, text: string): number {
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod') {
    const key = node.key as LooseNode;
    let at = key.start as number;
    if (node.computed) at = text.lastIndexOf('[', at);
    if (node.generator) at = text.lastIndexOf('*', at); // async *gen()
    return at;
  }
  if (node.type === 'ArrowFunctionExpression') {
    const typeParameters = node.typeParameters as LooseNode | undefined;
    return typeParameters?.start ?? (node.start as number);
  }
  return node.start as number; // `function` keyword (an `export`/`export default` is the parent's)
}

/**
 * Offsets where `await ` goes in the `for…of` loops over generator calls that become async
 * (`for (` → `for await (`), from the plan's `for-await` callbacks, in the ORIGINAL text.
 */
export function findForAwaitInsertions(j: JSCodeshift, root: Collection, source: string, { filePlan, report }: StepOptions): number[] {
  const entries = (filePlan.callbacks ?? []).filter((c) => c.kind === 'for-await');
  if (entries.length === 0) return [];
  const wanted = new Set(entries.map((e) => e.end));
  const loops = new Map<number, LooseNode>();
  root.find(j.ForOfStatement).forEach((p) => {
    const right = (p.node as unknown as LooseNode).right as LooseNode;
    if (typeof right.end === 'number' && wanted.has(right.end)) loops.set(right.end, p.node as unknown as LooseNode);
  });
  const offsets: number[] = [];
  for (const entry of entries) {
    const loop = loops.get(entry.end);
    if (!loop || loop.await) {
      if (!loop) report({ kind: 'left-alone', code: 'AM331', message: `the plan names a for…of over ${entry.callee}() at ${entry.line}:${entry.column} that is not in this text (stale plan?); left as it is`, position: { line: entry.line, column: entry.column - 1 }, subject: entry.callee });
      continue;
    }
    offsets.push(source.indexOf('(', (loop.start as number) + 3));
    report({ kind: 'rewritten', code: 'AM304', message: `the for…of over ${entry.callee}(…) became for await…of`, position: loop.loc?.start, subject: entry.callee });
  }
  return offsets;
}

/** An insertion of `async ` or `await ` (both six characters, which {@link shiftOffset} relies on). */
export interface KeywordInsertion {
  at: number;
  keyword: 'async' | 'await';
}

/** Insert the keywords (each followed by a space) into `text`. */
export function insertAsyncKeywords(text: string, insertions: readonly KeywordInsertion[]): string {
  let out = '';
  let last = 0;
  for (const { at, keyword } of [...insertions].sort((a, b) => a.at - b.at)) {
    out += `${text.slice(last, at)}${keyword} `;
    last = at;
  }
  return out + text.slice(last);
}

/**
 * Where an offset of the original text is after the insertions (no planned node other than a
 * function starts or ends exactly at an insertion point: calls, types and array calls never do).
 */
export function shiftOffset(offset: number, insertions: readonly KeywordInsertion[]): number {
  let shift = 0;
  for (const { at } of insertions) if (at < offset) shift += 'async '.length;
  return offset + shift;
}
