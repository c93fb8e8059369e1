/**
 * Parser by file extension, for jscodeshift/recast.
 *
 * `.ts .mts .cts` → TypeScript without JSX (angle-bracket casts stay legal); `.tsx` → TypeScript with
 * JSX; `.js .jsx .mjs .cjs` → JavaScript with JSX and modern syntax (no Flow: a `<` in plain JS must
 * stay a comparison). Every parser keeps tokens, which recast needs to reprint only what changed.
 */
import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import type { Parser } from 'jscodeshift';

const COMMON_PLUGINS: ParserPlugin[] = [
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'classStaticBlock',
  'decoratorAutoAccessors',
  'explicitResourceManagement',
  'importAttributes',
  'importMeta',
  'dynamicImport',
  'exportDefaultFrom',
  'numericSeparator',
  'optionalChaining',
  'nullishCoalescingOperator',
  'logicalAssignment',
  'topLevelAwait',
];

/** The parser family a path maps to. */
export type ParserName = 'ts' | 'tsx' | 'js';

/** File extensions async-migrate reads (the CLI walks folders for these). */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Which parser a file path needs, by extension. Unknown extensions are parsed as JavaScript. */
export function parserNameFor(path: string): ParserName {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return 'ts';
  return 'js';
}

/** @babel/parser options for a parser family. `sourceType` is `unambiguous` for JS (scripts stay scripts). */
export function babelOptionsFor(name: ParserName): ParserOptions {
  const plugins: ParserPlugin[] =
    name === 'js'
      ? [...COMMON_PLUGINS, 'jsx', ['decorators', { decoratorsBeforeExport: false }]]
      : [...COMMON_PLUGINS, 'typescript', 'decorators-legacy', ...(name === 'tsx' ? (['jsx'] as ParserPlugin[]) : [])];
  return {
    sourceType: name === 'js' ? 'unambiguous' : 'module',
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    startLine: 1,
    tokens: true,
    plugins,
  };
}

const cache = new Map<ParserName, Parser>();

/** A jscodeshift `Parser` object for the given path (pass it to `j.withParser`). */
export function parserFor(path: string): Parser {
  const name = parserNameFor(path);
  let parser = cache.get(name);
  if (!parser) {
    const options = babelOptionsFor(name);
    parser = { parse: (source: string) => babelParse(source, options) };
    cache.set(name, parser);
  }
  return parser;
}

/**
 * Parse `source` as the file at `path` would be parsed, without building a recast tree.
 * Used to verify that output re-parses.
 * @throws SyntaxError from @babel/parser (with `loc`) when the text does not parse.
 */
export function parseForCheck(path: string, source: string): void {
  const options = { ...babelOptionsFor(parserNameFor(path)), tokens: false };
  // A byte order mark is not part of the program (a shebang after it must still come first).
  babelParse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, options);
}
