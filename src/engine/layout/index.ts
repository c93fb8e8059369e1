/**
 * The changed lines a migration made longer than the file's width, laid out as Prettier lays them
 * out (without Prettier: see ./doc.ts, ./print-expression.ts, ./print-statement.ts).
 *
 * Rules:
 * - Width: 80 columns (Prettier's default), or 100/120 when the original file already has lines that
 *   long (the smallest of them that holds its longest line; a file with lines over 120 columns is
 *   not laid out). A tab counts 4 columns.
 * - Only lines the migration added or changed and that are now too long, or hold a `Promise.all(`
 *   a restructuring printed (recast breaks those chains where no formatter would), are touched: the statement
 *   holding such a line (the innermost one) is laid out again; for an `if` and a function
 *   declaration only the head. Lines outside that statement never change.
 * - Trailing commas after arguments broken one per line when the file already writes them
 *   (`,` before a `)` at the start of a line), after object properties when it writes them there or
 *   after arguments; `{ a }` or `{a}` as the file writes braces; the file's indentation unit.
 * - Safety: a statement is left as printed when it holds comments, a multi-line template literal,
 *   or a construct without a rule here; when the new text does not parse; or when it differs from
 *   the old text in anything but whitespace and trailing commas.
 */
import { parse } from '@babel/parser';
import { diffArrays } from 'diff';
import { babelOptionsFor, parserNameFor } from '../../core/parser';
import { detectStyle, indentUnit } from '../../../transforms/lib/style';
import { printDoc } from './doc';
import { CannotLayout, lineIndentAt, type Node, type PrintContext } from './print-expression';
import { statementReplacement } from './print-statement';

const TAB_COLUMNS = 4;
const columns = (text: string): number => text.replace(/\t/g, ' '.repeat(TAB_COLUMNS)).length;

/** Lines of `text` without terminators. */
const linesOf = (text: string): string[] => text.split('\n').map((l) => l.replace(/\r$/, ''));

/** The width to lay out at (see the module comment), or undefined for a file with longer lines. */
export function measureWidth(original: string): number | undefined {
  const longest = Math.max(0, ...linesOf(original).map(columns));
  return [80, 100, 120].find((width) => longest <= width);
}

/** 0-based indexes of the lines of `text` that are not lines of `original` (a line diff). */
function addedLines(original: string, text: string): number[] {
  const added: number[] = [];
  let line = 0;
  for (const change of diffArrays(linesOf(original), linesOf(text))) {
    if (change.removed) continue;
    if (change.added) for (let i = 0; i < change.value.length; i++) added.push(line + i);
    line += change.value.length;
  }
  return added;
}

/** A line a restructuring transform printed (`await Promise.all(…)` in place of a callback loop): laid out even when it fits. */
const RESTRUCTURED = /\bPromise\.all\(/;

const STATEMENT = /Statement$|Declaration$/;

/** The innermost statement of `program` whose text holds all of [from, to). */
function innermostStatement(program: Node, from: number, to: number): Node | undefined {
  let found: Node | undefined;
  const visit = (node: Node, parent?: Node): void => {
    if (node.start > from || node.end < to) return;
    // an exported declaration is laid out with its `export`
    if (STATEMENT.test(node.type) && node.type !== 'BlockStatement') found = parent?.type === 'ExportNamedDeclaration' && parent.declaration === node ? parent : node;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'extra' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node, node);
      if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Node).type === 'string') visit(value as Node, node);
    }
  };
  visit(program);
  return found;
}

/** [start, end) of the template literals inside `node` whose text spans lines. */
function multiLineTemplates(node: Node, text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const visit = (current: Node): void => {
    if (current.type === 'TemplateLiteral' && text.slice(current.start, current.end).includes('\n')) found.push([current.start, current.end]);
    for (const key of Object.keys(current)) {
      if (key === 'loc' || key === 'extra') continue;
      const value = current[key];
      for (const item of Array.isArray(value) ? value : [value]) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node);
    }
  };
  visit(node);
  return found;
}

/** The text with whitespace and trailing commas removed: what a layout may not change. */
const essence = (text: string): string => text.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

/** Lay out the statement holding line `index` of `text` again; undefined when it cannot be (see the module comment). */
function layoutLine(filePath: string, text: string, index: number, ctx: Omit<PrintContext, 'source' | 'multiLineTemplates'>, unit: string, width: number): string | undefined {
  const options = babelOptionsFor(parserNameFor(filePath));
  let ast: { program: Node; comments?: Node[] };
  try {
    ast = parse(text, { ...options, tokens: false }) as unknown as { program: Node; comments?: Node[] };
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const from = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0) + (/^\s*/.exec(lines[index])?.[0].length ?? 0);
  const to = from + lines[index].trim().length;
  const statement = innermostStatement(ast.program, from, to);
  if (!statement) return undefined;
  if ((ast.comments ?? []).some((c) => c.start >= statement.start && c.end <= statement.end)) return undefined;
  const baseIndent = lineIndentAt(text, statement.start);
  if (text.slice(statement.start - baseIndent.length, statement.start) !== baseIndent) return undefined;
  try {
    const context: PrintContext = { ...ctx, source: text, multiLineTemplates: multiLineTemplates(statement, text) };
    const replacement = statementReplacement(statement, context);
    const printed = printDoc(replacement.doc, { width, unit, tabWidth: TAB_COLUMNS, baseIndent, startColumn: columns(baseIndent) });
    const crlf = text.includes('\r\n');
    const result = text.slice(0, replacement.start) + (crlf ? printed.replace(/\n/g, '\r\n') : printed) + text.slice(replacement.end);
    if (essence(printed) !== essence(text.slice(replacement.start, replacement.end))) return undefined;
    parse(result, { ...options, tokens: false });
    return result;
  } catch (error) {
    if (error instanceof CannotLayout || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Lay out the changed lines of `text` that are longer than the file's width (see the module comment).
 * @param filePath picks the parser
 * @param original the file as read
 * @param text the migrated text
 * @returns the text with those statements laid out again (`text` when there is nothing to do)
 */
export function layoutLongChangedLines(filePath: string, original: string, text: string): string {
  const width = measureWidth(original);
  if (width === undefined || original === text) return text;
  const style = detectStyle(original);
  const trailingCommas = /,[ \t]*\r?\n[ \t]*\)/.test(original);
  const trailingCommasInObjects = trailingCommas || /,[ \t]*\r?\n[ \t]*[}\]]/.test(original);
  const ctx = { trailingCommas, trailingCommasInObjects, bracketSpacing: style.bracketSpacing, tabWidth: style.useTabs ? TAB_COLUMNS : style.tabWidth };
  const unit = indentUnit(style);
  const tried = new Set<string>();
  let current = text;
  for (let round = 0; round < 50; round++) {
    const lines = linesOf(current);
    const long = addedLines(original, current).filter((i) => (columns(lines[i]) > width || RESTRUCTURED.test(lines[i])) && !tried.has(lines[i]));
    const index = long[long.length - 1];
    if (index === undefined) break;
    const next = layoutLine(filePath, current, index, ctx, unit, width);
    if (next === undefined || next === current) tried.add(lines[index]);
    else current = next;
  }
  return current;
}
