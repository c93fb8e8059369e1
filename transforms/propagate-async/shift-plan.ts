/**
 * Move a file plan's offsets past the `async ` keywords inserted before it is applied further
 * (see add-async.ts). Line/column stay as planned (they are for messages).
 */
import type { FilePlan } from '../../src/core/plan';
import { shiftOffset, type KeywordInsertion } from './add-async';

/** A copy of `filePlan` whose await sites, annotations and callbacks (but `for-await`, done already) point into the text with insertions. */
export function shiftFilePlan(filePlan: FilePlan, insertions: readonly KeywordInsertion[]): FilePlan {
  // `for await` loops were inserted as text already.
  const callbacks = (filePlan.callbacks ?? []).filter((c) => c.kind !== 'for-await');
  // JSDoc types were wrapped as text already.
  const annotations = filePlan.annotations.filter((a) => a.kind !== 'jsdoc');
  if (insertions.length === 0) return { ...filePlan, callbacks, annotations };
  const move = <T extends { start: number; end: number }>(entry: T): T => ({ ...entry, start: shiftOffset(entry.start, insertions), end: shiftOffset(entry.end, insertions) });
  return {
    ...filePlan,
    awaitSites: filePlan.awaitSites.map(move),
    annotations: annotations.map(move),
    callbacks: callbacks.map(move),
  };
}
