/**
 * recast reprints the statements it builds with space indentation even when told to use tabs (the
 * original text before a reprinted node keeps its tabs, the new lines get spaces), so in a
 * tab-indented file the lines this transform produced can mix tabs and spaces. This re-indents, with
 * tabs, every output line that does not occur in the original text; lines the transform did not
 * produce (including those inside template literals) are left exactly as they were.
 */

/** Re-indent new lines of `output` with tabs (`tabWidth` columns per tab); other lines untouched. */
export function retabNewLines(output: string, original: string, tabWidth: number): string {
  const originalLines = new Set(original.split(/\r?\n/));
  return output
    .split('\n')
    .map((line) => {
      const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (originalLines.has(bare)) return line;
      const indent = /^[ \t]*/.exec(bare)?.[0] ?? '';
      if (!indent.includes(' ')) return line;
      let columns = 0;
      for (const ch of indent) columns = ch === '\t' ? columns - (columns % tabWidth) + tabWidth : columns + 1;
      return '\t'.repeat(Math.floor(columns / tabWidth)) + ' '.repeat(columns % tabWidth) + line.slice(indent.length);
    })
    .join('\n');
}
