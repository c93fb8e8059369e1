/**
 * The file's own style, so that recast prints new nodes the way the file is written: line terminator,
 * quote character, indentation, and whether statements end in semicolons.
 */
import type { Collection } from 'jscodeshift';
import type { Options as RecastOptions } from 'recast';
import { detectIndentWidth } from './indent-width';

/** Style facts read from a source text. */
export interface SourceStyle {
  lineTerminator: '\n' | '\r\n';
  quote: 'single' | 'double';
  useTabs: boolean;
  tabWidth: number;
  /** True when most statement-ending lines end in `;`. */
  semicolons: boolean;
  /** True when some line is indented with a tab (in a file indented with spaces too). */
  tabIndents: boolean;
  /** Spaces inside braces of imports and destructuring (`{ a }`, Prettier's `bracketSpacing`); false when most are written `{a}`. */
  bracketSpacing: boolean;
}

/**
 * Read the style of `source` by counting (the most used form wins; ties go to `'`, spaces, `;`).
 * Cheap: one pass of regular expressions, no parsing.
 */
export function detectStyle(source: string): SourceStyle {
  const crlf = (source.match(/\r\n/g) ?? []).length;
  const lf = (source.match(/\n/g) ?? []).length - crlf;
  const single = (source.match(/(?:from|require\(|import)\s*'/g) ?? []).length + (source.match(/'[^'\n]*'/g) ?? []).length;
  const double = (source.match(/(?:from|require\(|import)\s*"/g) ?? []).length + (source.match(/"[^"\n]*"/g) ?? []).length;
  const tabs = (source.match(/^\t+\S/gm) ?? []).length;
  const spaceIndents = source.match(/^ +(?=\S)/gm) ?? [];
  const withSemi = (source.match(/[)\]\w'"`];[ \t]*\r?$/gm) ?? []).length;
  const withoutSemi = (source.match(/^\s*(?:import|const|let|var|return)\b[^;{}\n]*[)\]\w'"`][ \t]*\r?$/gm) ?? []).length;
  const useTabs = tabs > spaceIndents.length;
  const spacedBraces = (source.match(/(?:import|export|const|let|var)\s*\{[ \t]+[\w$]/g) ?? []).length;
  const tightBraces = (source.match(/(?:import|export|const|let|var)\s*\{[\w$]/g) ?? []).length;
  return {
    lineTerminator: crlf > lf ? '\r\n' : '\n',
    quote: double > single ? 'double' : 'single',
    useTabs,
    // recast parses a tab as 4 columns: printing with another width re-indents tab-indented lines.
    tabWidth: useTabs ? 4 : (detectIndentWidth(source) ?? 2),
    semicolons: withSemi >= withoutSemi,
    tabIndents: tabs > 0,
    bracketSpacing: spacedBraces >= tightBraces,
  };
}

/** One level of indentation in the file's style. */
export function indentUnit(style: SourceStyle): string {
  return style.useTabs ? '\t' : ' '.repeat(style.tabWidth);
}

/**
 * recast print options that keep `style`. recast reuses a line's original indentation only when it
 * measures the same with the print `tabWidth` as it did when parsed (always 4: lines.js
 * `sliceString`, `countSpaces`); so a file with any tab-indented line prints with width 4, or those
 * lines come back indented with spaces.
 */
export function printOptionsFor(style: SourceStyle): RecastOptions {
  return {
    lineTerminator: style.lineTerminator,
    quote: style.quote,
    useTabs: style.useTabs,
    tabWidth: style.tabIndents ? 4 : style.tabWidth,
    reuseWhitespace: true,
    arrowParensAlways: true,
    objectCurlySpacing: style.bracketSpacing,
  };
}

type RegExpNode = { type: string; value?: unknown; regex?: unknown; pattern?: string; flags?: string; original?: RegExpNode };

/**
 * Undo the defaults ast-types fills in on regex literals, so recast does not reprint the statements
 * around them. Any traversal of the tree (jscodeshift's `find`, ast-types `PathVisitor`) gives each
 * visited node every field its definition declares; a babel `RegExpLiteral` then gains `value: new
 * RegExp(…)` and `regex`, which its original node (recast's copy source) lacks. recast's patcher
 * (0.23, lib/patcher.js `findAnyReprints`) compares `value` with a freshly made RegExp, which is no
 * plain object, so it reprints the literal; a reprint inside a `return` reprints the whole statement
 * (`findChildReprints`), which then gains a `;` in a file without semicolons. Only literals whose
 * pattern and flags are unchanged are touched; a rewritten literal prints as before.
 */
export function forgetRegExpDefaults(root: Collection): void {
  root.find('RegExpLiteral' as never).forEach((path: { node: unknown }) => {
    const node = path.node as RegExpNode;
    const original = node.original;
    if (!original || original.pattern !== node.pattern || original.flags !== node.flags) return;
    if (!Object.prototype.hasOwnProperty.call(original, 'value')) delete node.value;
    if (!Object.prototype.hasOwnProperty.call(original, 'regex')) delete node.regex;
  });
}

/** Print `root` in `style` (recast, reusing the original text of every node the transform did not change). */
export function printInStyle(root: Collection, style: SourceStyle): string {
  forgetRegExpDefaults(root);
  return root.toSource(printOptionsFor(style));
}

/** Split a leading byte order mark off `source` (babel drops it; it is put back on output). */
export function splitBom(source: string): { bom: string; text: string } {
  return source.charCodeAt(0) === 0xfeff ? { bom: '\uFEFF', text: source.slice(1) } : { bom: '', text: source };
}
