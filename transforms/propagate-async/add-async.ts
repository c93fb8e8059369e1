/**
 * Mark the plan's functions `async`: function declarations and expressions, arrows (concise bodies
 * too), object and class methods (static, `#private`, decorated, with modifiers), generics.
 *
 * recast would reprint a whole function header to add the keyword (losing `function (` spacing and
 * comments in it), so the keyword is inserted as text, FIRST, on the original text: `async ` goes
 * right before the method key (after decorators and modifiers such as `public static override`; before
 * a generator's `*`), before `function`, or before the arrow's parameters or type parameters. The
 * other steps then parse the text with its async functions (so `await` and `for await` parse) and find
 * their nodes at the plan's offsets moved by {@link shiftOffset}. JSDoc return types of JavaScript
 * functions are wrapped the same way (text insertions around the type). A function that is already async is left as it is (never
 * `async async`); a generator becomes an async generator (`async function*`, `async *gen()`).
 */
import { parse as babelParse } from '@babel/parser';
import { babelOptionsFor, parserNameFor } from '../../src/core/parser';
import { walkNodes } from '../lib/walk-nodes';
import type { LooseNode, StepOptions } from './context';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from '../lib/node-kinds';


/** Every function node of a raw tree, by end offset. */
function functionsByEnd(ast: LooseNode): Map<number, LooseNode[]> {
  const byEnd = new Map<number, LooseNode[]>();
  walkNodes(ast as never, (node) => {
    const n = node as LooseNode;
    if (!FUNCTION_TYPES.has(n.type) || typeof n.end !== 'number') return;
    const list = byEnd.get(n.end);
    if (list) list.push(n);
    else byEnd.set(n.end, [n]);
  });
  return byEnd;
}

/**
 * Parse the ORIGINAL text with @babel/parser (not recast, whose offsets are those of a normalised
 * copy of the text): offsets are then the plan's.
 */
export function parseRaw(source: string, filePath: string): LooseNode {
  // Error recovery: a function with `await` but no `async` (a seed) does not parse otherwise.
  return babelParse(source, { ...babelOptionsFor(parserNameFor(filePath)), tokens: false, errorRecovery: true }).program as unknown as LooseNode;
}

/**
 * Find the planned functions in the raw tree of the ORIGINAL text and return the offsets where
 * `async ` goes, ascending. Reports AM301 per function, AM331 per stale entry.
 */
export function findAsyncInsertions(ast: LooseNode, source: string, { filePlan, report }: Pick<StepOptions, 'filePlan' | 'report'>): number[] {
  const byEnd = functionsByEnd(ast);
  const offsets = new Set<number>();
  for (const planned of filePlan.asyncFunctions) {
    const candidates = byEnd.get(planned.end) ?? [];
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
export function findForAwaitInsertions(ast: LooseNode, source: string, { filePlan, report }: Pick<StepOptions, 'filePlan' | 'report'>): number[] {
  const entries = (filePlan.callbacks ?? []).filter((c) => c.kind === 'for-await');
  if (entries.length === 0) return [];
  const wanted = new Set(entries.map((e) => e.end));
  const loops = new Map<number, LooseNode>();
  walkNodes(ast as never, (node) => {
    const n = node as LooseNode;
    const right = n.type === 'ForOfStatement' ? (n.right as LooseNode) : undefined;
    if (right && typeof right.end === 'number' && wanted.has(right.end)) loops.set(right.end, n);
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

/** A text insertion made before the AST edits: `async `, `await `, or the `Promise<`/`>` of a JSDoc type. */
export interface KeywordInsertion {
  at: number;
  text: string;
}

/** Insert the texts into `text` (offsets of the original). */
export function insertAsyncKeywords(text: string, insertions: readonly KeywordInsertion[]): string {
  let out = '';
  let last = 0;
  for (const insertion of [...insertions].sort((a, b) => a.at - b.at)) {
    out += `${text.slice(last, insertion.at)}${insertion.text}`;
    last = insertion.at;
  }
  return out + text.slice(last);
}

/**
 * Where an offset of the original text is after the insertions (no planned node other than a
 * function starts or ends exactly at an insertion point: calls, types and array calls never do).
 */
export function shiftOffset(offset: number, insertions: readonly KeywordInsertion[]): number {
  let shift = 0;
  for (const { at, text } of insertions) if (at < offset) shift += text.length;
  return offset + shift;
}

/**
 * JSDoc return types of JavaScript functions that become async: `@returns {T}` → `@returns
 * {Promise<T>}`, as two insertions around the type (the plan's `jsdoc` annotations).
 */
export function jsdocInsertions({ filePlan, report }: Pick<StepOptions, 'filePlan' | 'report'>, source: string): KeywordInsertion[] {
  const out: KeywordInsertion[] = [];
  for (const a of filePlan.annotations) {
    if (a.kind !== 'jsdoc') continue;
    if (source.slice(a.start, a.end) !== a.text) {
      report({ kind: 'left-alone', code: 'AM331', message: `the plan names a JSDoc type \`${a.text}\` at ${a.line}:${a.column} that is not in this text (stale plan?); left as it is`, position: { line: a.line, column: a.column - 1 }, subject: a.text });
      continue;
    }
    out.push({ at: a.start, text: 'Promise<' }, { at: a.end, text: '>' });
    report({ kind: 'rewritten', code: 'AM303', message: `JSDoc return type ${a.text} → Promise<${a.text}>`, position: { line: a.line, column: a.column - 1 }, subject: a.text });
  }
  return out;
}
