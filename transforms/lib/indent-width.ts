/**
 * The indentation step a space-indented file uses (2, 4, …), measured the way a reader sees it: the
 * most common increase of indentation from one code line to the next. Lines inside block comments
 * (` * …`, one space deeper than the `/**`) and blank lines are ignored, so JSDoc does not make a
 * 4-space file look 1- or 2-space indented. recast needs the right width: when it reprints a block
 * it re-indents the statements it keeps by that width.
 */

/** The most common indentation step of `source`, or undefined when no line is indented with spaces. */
export function detectIndentWidth(source: string): number | undefined {
  const counts = new Map<number, number>();
  let previous: number | undefined;
  let inComment = false;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (inComment) {
      if (trimmed.includes('*/')) inComment = false;
      continue;
    }
    if (trimmed.length === 0) continue;
    if (trimmed.startsWith('/*') && !trimmed.includes('*/')) inComment = true;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (line[indent] === '\t') {
      previous = undefined;
      continue;
    }
    if (previous !== undefined && indent > previous && indent - previous <= 8) {
      const step = indent - previous;
      counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    previous = indent;
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
