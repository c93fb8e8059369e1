/**
 * Step: decide whether the delegated call's callee returns a native promise on every path and cannot
 * throw synchronously — first from this file ({@link resolveLocalCallee}), then, when the file alone
 * does not know (AM501, AM510), from the project analysis' oracle if the engine passed one. The oracle
 * is only asked about callees written as a plain reference chain (`g`, `ns.g`, `this.client.get`); its
 * `neverThrowsSync` answer covers reading that chain (no getter, no null on the way).
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import type { PromiseCalleeOracle } from '../../src/core/promise-callees';
import type { Refusal } from './check-arguments';
import { findCalleeOrigin } from './find-callee-origin';
import type { Delegation } from './find-delegations';
import { resolveLocalCallee, type CalleeOptions } from './resolve-local-callee';

/** The file being transformed: its path, its text as given, its text without BOM, and where that starts in the text as given (1 after a BOM). */
export interface FileText {
  path: string;
  original: string;
  source: string;
  offset: number;
}

/**
 * True for `g`, `this.g`, `a.b.g`, `this.#g` — names and non-computed property reads only. Anything
 * else in the callee (a call, `a[k]`, `a?.b`) runs code the oracle is not asked about.
 */
function isPlainReferenceChain(node: AnyNode): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if (node.type === 'MemberExpression' && !node.computed && !node.optional) return isPlainReferenceChain(node.object);
  return false;
}

/** The refusal for the callee of `d`, or undefined when the callee qualifies. Oracle offsets index `file.source` as given. */
export function resolveCallee(
  j: JSCodeshift,
  root: Collection,
  d: Delegation,
  file: FileText,
  oracle: PromiseCalleeOracle | undefined,
  options: CalleeOptions,
): Refusal | undefined {
  const local = resolveLocalCallee(j, root, d.fn, d.call, options);
  if (local.ok) return undefined;
  if (!local.askOracle || !oracle) return { code: local.code, message: local.message };
  const call: AnyNode = d.call;
  if (call.type === 'OptionalCallExpression' || call.optional) return { code: local.code, message: local.message };
  if (!isPlainReferenceChain(call.callee)) {
    return { code: 'AM503', message: 'evaluating the callee runs code (a call, computed or optional access) that may throw before the promise exists' };
  }
  const origin = findCalleeOrigin(call.callee, d.fn);
  const facts = oracle.describeCallee({
    file: file.path,
    source: file.original,
    ...(origin ? { origin } : {}),
    start: call.start + file.offset,
    end: call.end + file.offset,
    line: call.loc?.start.line ?? 1,
    column: (call.loc?.start.column ?? 0) + 1,
    callee: file.source.slice(call.callee.start, call.callee.end),
  });
  if (!facts) return { code: local.code, message: local.message };
  if (!facts.returnsPromise) return { code: 'AM501', message: `the project analysis says the callee may not return a promise (${facts.basis})` };
  if (!facts.neverThrowsSync) return { code: 'AM503', message: `the callee may throw synchronously (${facts.basis})` };
  return undefined;
}
