/**
 * Print the file so that the statements around rewritten calls keep the file's own layout. recast
 * (0.23, lib/patcher.js `findChildReprints`) reprints only changed nodes, with two exceptions that
 * touch this transform:
 * 1. A `return` statement with anything changed inside it is printed from scratch ("Return statements
 *    might end up running into ASI issues due to comments inserted deep within the tree"): it gains
 *    a `;` in files without semicolons, and loses the parentheses, line breaks and comments between
 *    `return` and its argument. The rewrite puts no comment right after a `return` (a call's own
 *    comments stay where they were; the marker below starts a statement), so for printing such a
 *    statement is given the type of the one statement with the same fields and no such rule,
 *    `throw`, on both its new and its original node; recast then patches only the rewritten call
 *    into the original text. (Not for a sequence argument, which recast would parenthesise after
 *    `throw`.)
 * 2. An expression statement that now starts with `(` — `(await readFile(p)).toString()` — would
 *    continue the previous line when that line does not end in `;` (ASI does not apply before `(`).
 *    It gets a leading `;`, as files without semicolons write it: `;(await readFile(p)).toString()`.
 *    recast cannot print a bare `;` there, so a marker comment is printed and then replaced.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { Options as RecastOptions } from 'recast';
import type { SourceText } from '../lib/source-text';
import { forgetRegExpDefaults } from '../lib/style';

type Position = { line: number; column: number };
type AnyNode = { type: string; loc?: { start: Position; end: Position } | null; comments?: unknown[] | null; [key: string]: unknown };

/** A rewritten call: the expression that replaced it (an `await`, or one in parentheses) and where the call started in the original. */
export interface RewrittenSite {
  node: unknown;
  start: Position;
}

/** Inputs of this step. */
export interface PrintOptions {
  rewritten: readonly RewrittenSite[];
  /** The original text (the same text the tree was parsed from). */
  source: SourceText;
  original: string;
  print: RecastOptions;
  /** How many `throw` keywords the rewrite itself added (stat handlers), for the final check. */
  addedThrows: number;
}

const samePosition = (a: Position | undefined, b: Position): boolean => a !== undefined && a.line === b.line && a.column === b.column;

/** Statements that end with their own `}`, after which `(` starts a new statement. */
const ENDS_WITH_OWN_BLOCK = new Set([
  'FunctionDeclaration',
  'ClassDeclaration',
  'BlockStatement',
  'TryStatement',
  'SwitchStatement',
  'TSInterfaceDeclaration',
  'TSEnumDeclaration',
  'TSModuleDeclaration',
  'EmptyStatement',
]);

/** Does `node` (a statement) end so that a following `(` cannot continue it? */
function endsStatement(node: AnyNode, source: SourceText): boolean {
  if ((source.textOf(node as never) ?? '').trimEnd().endsWith(';')) return true;
  if (ENDS_WITH_OWN_BLOCK.has(node.type)) return true;
  if (node.type === 'IfStatement') return endsStatement((node.alternate ?? node.consequent) as AnyNode, source);
  if (/^(For|ForIn|ForOf|While|With|Labeled)Statement$/.test(node.type)) return endsStatement(node.body as AnyNode, source);
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') {
    const declaration = node.declaration as AnyNode | null;
    return declaration !== null && (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration');
  }
  return false;
}

/**
 * The expression statement that `path` (a rewritten expression) starts, when the statement before it
 * does not end in a way that stops a `(` from continuing it.
 */
function hazardousStatement(path: ASTPath, start: Position, source: SourceText): ASTPath | undefined {
  let current: ASTPath | null = path.parent;
  while (current && current.node.type !== 'ExpressionStatement') {
    const loc = (current.node as AnyNode).loc;
    if (loc && !samePosition(loc.start, start)) return undefined;
    current = current.parent;
  }
  if (!current || !samePosition((current.node as AnyNode).loc?.start, start)) return undefined;
  const list = current.parent?.node && Object.values(current.parent.node).find((v) => Array.isArray(v) && v.includes(current!.node));
  if (!Array.isArray(list)) return undefined;
  // Before the first statement: the last directive (`'use strict'`), which babel keeps apart.
  const directives = (current.parent?.node as { directives?: AnyNode[] }).directives ?? [];
  const previous = (list[list.indexOf(current.node) - 1] ?? directives[directives.length - 1]) as AnyNode | undefined;
  return previous && !endsStatement(previous, source) ? current : undefined;
}

/** A marker text not found in `text`. */
function markerFor(text: string): string {
  let marker = 'async-migrate:asi';
  for (let n = 0; text.includes(marker); n++) marker = `async-migrate:asi:${n}`;
  return marker;
}

const countThrows = (text: string): number => (text.match(/\bthrow\b/g) ?? []).length;

/**
 * Print `root` with recast, keeping `return` statements around rewritten calls as written and
 * putting a `;` before statements that now start with `(` where the previous line needs one.
 * Should recast ever print one of those returns from scratch (it would read `throw`), the file is
 * printed again without keeping returns.
 */
export function printKeepingStatements(j: JSCodeshift, root: Collection, options: PrintOptions): string {
  const starts = new Map(options.rewritten.map((site) => [site.node, site.start]));
  const returns = new Set<AnyNode>();
  const marker = markerFor(options.original);
  root.find(j.Expression).forEach((path) => {
    const start = starts.get(path.node);
    if (!start) return;
    for (let p: ASTPath | null = path.parent; p; p = p.parent) {
      const node = p.node as AnyNode;
      const argument = node.argument as AnyNode | null;
      if (node.type === 'ReturnStatement' && argument && argument.type !== 'SequenceExpression' && (node as { original?: AnyNode }).original) returns.add(node);
    }
    if (hazardousStatement(path as unknown as ASTPath, start, options.source)) {
      const node = path.node as unknown as AnyNode;
      node.comments = [...(node.comments ?? []), j.commentBlock(marker, true, false)];
    }
  });

  forgetRegExpDefaults(root);
  const printWith = (swapped: AnyNode[]): string => {
    for (const node of swapped) node.type = 'ThrowStatement';
    try {
      return root.toSource(options.print);
    } finally {
      for (const node of swapped) node.type = 'ReturnStatement';
    }
  };
  let printed = printWith([...returns].flatMap((node) => [node, (node as unknown as { original: AnyNode }).original]));
  // Never expected: recast printed one of them from scratch, as `throw`. Then it prints them its own way.
  if (countThrows(printed) > countThrows(options.original) + options.addedThrows) printed = printWith([]);
  const markerText = `/*${marker}*/`;
  let output = printed;
  for (let at = output.indexOf(markerText); at >= 0; at = output.indexOf(markerText, at)) {
    const after = /^\s*/.exec(output.slice(at + markerText.length))?.[0] ?? '';
    const next = output.charAt(at + markerText.length + after.length);
    output = output.slice(0, at) + (next === '(' ? ';' : '') + output.slice(at + markerText.length + after.length);
  }
  return output;
}
