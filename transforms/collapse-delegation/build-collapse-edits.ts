/**
 * The rewrite itself, as text deletions: the `async` modifier (with the blanks after it) and the
 * `await` keyword (with the blanks after it). Nothing else of the wrapper is reprinted.
 *
 * Why deletions instead of recast reprinting: recast reprints a function whose `async` flag changed
 * from scratch, which drops the parentheses of `async (a) => …` (giving `a => …`), adds a semicolon
 * after `return this.g(a)` and can move comments. Deleting two keywords needs no parentheses (the
 * operand of `await` is a call, which binds tighter than anything around it) and keeps every other
 * byte. {@link ./check-wrapper} refuses the few layouts where a deletion would change the parse.
 */
import type { AnyNode } from '../lib/lexical-scope';
import type { Delegation } from './find-delegations';

/** Delete `source[start, end)`. */
export interface TextEdit {
  start: number;
  end: number;
}

/** A babel token (only the fields used here). */
interface Token {
  start: number;
  end: number;
  value?: unknown;
}

/** Index of the first token starting at or after `offset` (binary search; tokens are in source order). */
function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the `async` modifier of `fn` is: the first `async` token of the function's head. */
function findAsyncToken(fn: AnyNode, tokens: Token[], source: string): Token {
  const headEnd: number = fn.body.start;
  for (let i = firstTokenAt(tokens, fn.start); i < tokens.length && tokens[i].start < headEnd; i++) {
    const t = tokens[i];
    if (source.slice(t.start, t.end) === 'async') return t;
  }
  throw new Error(`collapse-delegation: no async keyword found in the head of the function at offset ${fn.start}`);
}

/** Offset just past the spaces and tabs (same line) after `offset`. */
function skipBlanks(source: string, offset: number): number {
  let i = offset;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return i;
}

/** Offset just past all whitespace, line breaks included, after `offset`. */
function skipWhitespace(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && /\s/.test(source[i])) i++;
  return i;
}

/**
 * Step: the deletions that collapse one wrapper.
 *   async function f(a) { return await g(a); }  →  function f(a) { return g(a); }
 *   const f = async (a) => await g(a);          →  const f = (a) => g(a);
 * @throws Error when the keywords are not where the AST says (a bug, reported by the engine as AM902).
 */
export function buildCollapseEdits(d: Delegation, source: string, tokens: Token[]): TextEdit[] {
  const fn: AnyNode = d.fn.node;
  const asyncToken = findAsyncToken(fn, tokens, source);
  const edits: TextEdit[] = [{ start: asyncToken.start, end: skipBlanks(source, asyncToken.end) }];
  if (d.awaitNode) {
    const start: number = d.awaitNode.start;
    if (source.slice(start, start + 5) !== 'await') throw new Error(`collapse-delegation: expected \`await\` at offset ${start}`);
    edits.push({ start, end: skipWhitespace(source, start + 5) });
  }
  return edits;
}
