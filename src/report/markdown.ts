/**
 * Small GitHub-Flavoured Markdown helpers shared by the audit report and the PR description.
 */

/** Text safe inside a table cell: pipes escaped, newlines folded to spaces. */
export function cell(text: string): string {
  return text.replace(/\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/**
 * An inline code span that survives any backticks in `text` (GFM: a longer fence of backticks, with
 * spaces when the text starts or ends with one).
 */
export function code(text: string): string {
  const flat = text.replace(/\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GFM table; `align` per column: 'l' or 'r'. Cells are escaped with {@link cell}. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const sep = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Escape text for Markdown prose (not inside code): characters that would start formatting. */
export function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * Prose that may contain `code spans`: the code spans are kept, everything else is escaped so that
 * `<anonymous>` or `__init__` shows as written instead of turning into HTML or emphasis.
 */
export function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_<>[\]]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))))
    .join('');
}
