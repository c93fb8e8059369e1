/**
 * Apply the text deletions computed by {@link ./build-collapse-edits} to the file's text.
 */
import type { TextEdit } from './build-collapse-edits';

/** Apply non-overlapping deletions to `source`, last first so earlier offsets stay valid. */
export function applyTextEdits(source: string, edits: TextEdit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + out.slice(e.end);
  return out;
}
