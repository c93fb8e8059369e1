/**
 * Turn the plan's return annotations `T` into `Promise<T>` (`void` → `Promise<void>`). An annotation
 * that already is `Promise<…>` is never wrapped again. A generator that becomes an async generator gets
 * the async twin of its iteration type (`Generator<T>` → `AsyncGenerator<T>`).
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { indexNodesByRange } from './index-nodes';

/** Sync iteration types and their async twins (a generator that becomes an async generator). */
const ASYNC_ITERATION_TYPES: Record<string, string> = {
  Generator: 'AsyncGenerator',
  IterableIterator: 'AsyncIterableIterator',
  Iterable: 'AsyncIterable',
  Iterator: 'AsyncIterator',
};

/** Wrap each planned annotation; returns how many were changed. */
export function wrapReturnTypes(j: JSCodeshift, root: Collection, { filePlan, report, key }: StepOptions): number {
  const index = indexNodesByRange(j, root, new Set(filePlan.annotations.map((a) => key(a.start, a.end))));
  let changed = 0;
  for (const annotation of filePlan.annotations) {
    const path = index.get(key(annotation.start, annotation.end));
    const node = path?.node as unknown as LooseNode | undefined;
    if (!path || !node || !node.type.startsWith('TS')) {
      report({ kind: 'left-alone', code: 'AM331', message: `the plan names a return type \`${annotation.text}\` at ${annotation.line}:${annotation.column} that is not in this text (stale plan?); left as it is`, position: { line: annotation.line, column: annotation.column - 1 }, subject: annotation.text });
      continue;
    }
    const typeName = (node.typeName as LooseNode | undefined);
    if (annotation.kind === 'async-generator') {
      // Generator<T> → AsyncGenerator<T>, Iterable<T> → AsyncIterable<T>, …
      const asyncName = typeName?.type === 'Identifier' ? ASYNC_ITERATION_TYPES[typeName.name as string] : undefined;
      if (node.type !== 'TSTypeReference' || !asyncName) {
        report({ kind: 'left-alone', code: 'AM331', message: `the generator's return type \`${annotation.text}\` has no async twin the tool knows; left as it is`, position: node.loc?.start, subject: annotation.text });
        continue;
      }
      node.typeName = j.identifier(asyncName);
      changed++;
      report({ kind: 'rewritten', code: 'AM303', message: `return type ${annotation.text} → ${asyncName}<…>`, position: node.loc?.start, subject: annotation.text });
      continue;
    }
    if (node.type === 'TSTypeReference' && typeName?.type === 'Identifier' && typeName.name === 'Promise') continue;
    // Promise<T>
    path.replace(j.tsTypeReference(j.identifier('Promise'), j.tsTypeParameterInstantiation([path.node as never])));
    changed++;
    report({ kind: 'rewritten', code: 'AM303', message: `return type ${annotation.text} → Promise<${annotation.text}>`, position: node.loc?.start, subject: annotation.text });
  }
  return changed;
}
