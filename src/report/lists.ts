/**
 * Long lists in human output are capped: a project with 300 exported functions should not push the
 * rest of the summary off the screen. The full lists are in `--json` and the `--report` files.
 */

/** How many entries a list in the summary shows before "… and K more". */
export const LIST_CAP = 20;

/**
 * The first `cap` lines, then `<indent>… and K more` when there were more.
 * @param lines already sorted
 * @param indent the indentation of the list's lines (the "more" line gets the same)
 */
export function capLines(lines: readonly string[], indent: string, cap = LIST_CAP): string[] {
  if (lines.length <= cap) return [...lines];
  return [...lines.slice(0, cap), `${indent}… and ${lines.length - cap} more`];
}
