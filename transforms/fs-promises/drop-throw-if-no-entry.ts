/**
 * fs/promises `stat`/`lstat` do not take `throwIfNoEntry` (Node.js docs: `fsPromises.stat(path[,
 * options])` lists only `bigint`; @types/node rejects the property). The rewrite handles the missing
 * entry itself (see build-await-call), so the property is dropped from the options literal, and the
 * literal itself when nothing else is left: `{ bigint: true, throwIfNoEntry: false }` → `{ bigint: true }`.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { SourceText } from '../lib/source-text';

type AnyNode = { type: string; start?: number; end?: number; [key: string]: unknown };

const keyName = (prop: AnyNode): unknown => {
  const key = prop.key as { type: string; name?: string; value?: unknown };
  return prop.computed ? key.value : key.type === 'Identifier' ? key.name : key.value;
};

/**
 * The argument list without `throwIfNoEntry` in the options (second argument) literal.
 * Other properties keep their original text; the new literal is parsed from text, so recast prints
 * it on one line as written.
 */
export function dropThrowIfNoEntry(j: JSCodeshift, args: AnyNode[], source: SourceText): AnyNode[] {
  const options = args[1];
  if (!options || options.type !== 'ObjectExpression') return args;
  const properties = options.properties as AnyNode[];
  const kept = properties.filter((p) => keyName(p) !== 'throwIfNoEntry');
  if (kept.length === properties.length) return args;
  if (kept.length === 0) return [args[0], ...args.slice(2)];
  // { bigint: true }
  const text = `options = { ${kept.map((p) => source.textOf(p as never)).join(', ')} }`;
  const literal = j(text).find(j.ObjectExpression).get().node as AnyNode;
  return [args[0], literal, ...args.slice(2)];
}
