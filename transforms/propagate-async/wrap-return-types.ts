/**
 * Turn the plan's return annotations `T` into `Promise<T>` (`void` → `Promise<void>`). An annotation
 * that already is `Promise<…>` is never wrapped again.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LooseNode, StepOptions } from './context';
import { indexNodesByRange, rangeKey } from './index-nodes';

/** Wrap each planned annotation; returns how many were changed. */
export function wrapReturnTypes(j: JSCodeshift, root: Collection, { filePlan, report }: StepOptions): number {
  const index = indexNodesByRange(j, root, new Set(filePlan.annotations.map((a) => rangeKey(a.start, a.end))));
  let changed = 0;
  for (const annotation of filePlan.annotations) {
    const path = index.get(rangeKey(annotation.start, annotation.end));
    const node = path?.node as unknown as LooseNode | undefined;
    if (!path || !node || !node.type.startsWith('TS')) {
      report({ kind: 'left-alone', code: 'AM331', message: `the plan names a return type \`${annotation.text}\` at ${annotation.line}:${annotation.column} that is not in this text (stale plan?); left as it is`, position: { line: annotation.line, column: annotation.column - 1 }, subject: annotation.text });
      continue;
    }
    const typeName = (node.typeName as LooseNode | undefined);
    if (node.type === 'TSTypeReference' && typeName?.type === 'Identifier' && typeName.name === 'Promise') continue;
    // Promise<T>
    path.replace(j.tsTypeReference(j.identifier('Promise'), j.tsTypeParameterInstantiation([path.node as never])));
    changed++;
    report({ kind: 'rewritten', code: 'AM303', message: `return type ${annotation.text} → Promise<${annotation.text}>`, position: node.loc?.start, subject: annotation.text });
  }
  return changed;
}
