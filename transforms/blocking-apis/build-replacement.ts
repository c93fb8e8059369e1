/**
 * The replacement text of one rewritten call, built from the call's own text (its arguments keep
 * their layout and comments):
 * - exec: `(await execAsync(cmd, { encoding: 'buffer' })).stdout` — `encoding: 'buffer'` added where
 *   the sync call's Buffer result is read and it gave no encoding; `await execAsync(cmd)` when the
 *   value is discarded;
 * - callback: `await gzipAsync(buf)`;
 * - sleep: `await setTimeout(ms)`.
 * Parentheses where the parent binds tighter than `await` (`(await gzipAsync(b)).length`).
 */
import type { ASTPath } from 'jscodeshift';
import type { BlockingDecision } from '../../src/core/blocking-api';
import { skipWrappers } from './call-facts';
import type { TextEdit } from './plan-imports';

type AnyNode = { type: string; start: number; end: number; [key: string]: unknown };

/** Apply non-overlapping edits to `text` (offsets relative to it); insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || (b.order ?? b.i) - (a.order ?? a.i));
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Does the parent of the call need `(await …)` rather than `await …`? */
function needsParens(call: ASTPath): boolean {
  const node = call.node as unknown as AnyNode;
  if ((node.extra as { parenthesized?: boolean } | undefined)?.parenthesized) return false;
  const parent = call.parent?.node as AnyNode | undefined;
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return parent.callee === node;
    case 'TaggedTemplateExpression':
      return parent.tag === node;
    case 'TSNonNullExpression':
      return true;
    case 'BinaryExpression':
      return parent.operator === '**' && parent.left === node;
    default:
      return false;
  }
}

/** `encoding: 'buffer'` added to the options object, or as a new last argument. */
function bufferEncodingEdit(call: AnyNode, decision: Extract<BlockingDecision, { rewrite: true }>, source: string, quote: string): TextEdit {
  const args = call.arguments as AnyNode[];
  const property = `encoding: ${quote}buffer${quote}`;
  const options = decision.optionsIndex !== undefined ? args[decision.optionsIndex] : undefined;
  if (!options) {
    const last = args[args.length - 1];
    return { start: last.end, end: last.end, text: `, { ${property} }` };
  }
  const object = skipWrappers(options) as AnyNode;
  const props = object.properties as AnyNode[];
  if (props.length === 0) return { start: object.start, end: object.end, text: `{ ${property} }` };
  const last = props[props.length - 1];
  const multiline = source.slice(object.start, object.end).includes('\n');
  if (!multiline) return { start: last.end, end: last.end, text: `, ${property}` };
  const lineStart = source.lastIndexOf('\n', last.start) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, last.start))?.[0] ?? '';
  const eol = source[lineStart - 2] === '\r' ? '\r\n' : '\n';
  return { start: last.end, end: last.end, text: `,${eol}${indent}${property}` };
}

/** What to call and with which quote character. */
export interface ReplacementInput {
  /** `execAsync`, `gzipAsync`, `setTimeout`. */
  callee: string;
  quote: string;
}

/**
 * The text that replaces the call's own range `call.start`…`call.end` in `source`.
 * @param inner the edits of rewritten calls nested in this call's arguments (original offsets)
 * @throws Error when the decision is not a rewrite (a bug in the caller)
 */
export function buildReplacement(call: ASTPath, decision: BlockingDecision, source: string, input: ReplacementInput, inner: readonly TextEdit[] = []): string {
  if (!decision.rewrite) throw new Error('buildReplacement: the site is not rewritten');
  const node = call.node as unknown as AnyNode;
  if (decision.shape === 'sleep') {
    const awaited = `await ${input.callee}(${decision.sleepMs})`;
    return needsParens(call) ? `(${awaited})` : awaited;
  }
  const callee = node.callee as AnyNode;
  const typeArgs = (node.typeParameters ?? node.typeArguments) as AnyNode | undefined;
  const argsStart = typeArgs ? typeArgs.end : callee.end;
  // the rewrites of calls nested in the arguments, and the encoding, in the original offsets
  const edits = [...inner, ...(decision.addBufferEncoding ? [bufferEncodingEdit(node, decision, source, input.quote)] : [])];
  const args = applyEdits(source.slice(argsStart, node.end), edits.map((e) => ({ ...e, start: e.start - argsStart, end: e.end - argsStart })));
  const newCall = `${input.callee}${args}`;
  if (decision.stdout) return `(await ${newCall}).stdout`;
  return needsParens(call) ? `(await ${newCall})` : `await ${newCall}`;
}
