/**
 * Finish the file's imports after the calls are rewritten: write the new fs/promises imports in the
 * file's own style (quotes, semicolons, `const`/`let`/`var`), and remove sync imports that the
 * rewrite left unused — only those: an import that was unused before stays, so does every import
 * still referenced. A removed import's comments move to the statement that replaces or follows it.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isBindingOrReference } from '../lib/bindings';
import type { FsBinding } from './find-fs-bindings';
import { isDeclarationPart, refersTo } from './find-sync-call-sites';
import type { PendingImport } from './promise-callees';
import type { SourceText } from '../lib/source-text';
import { rebuildListText } from './rebuild-list-text';
import { detectStyle, indentUnit } from '../lib/style';

/** Inputs of this step. */
export interface UpdateImportsInput {
  /** The original text, for nodes' own text. */
  source: SourceText;
  /** The same original text as a string. */
  original: string;
  /** Bindings through which at least one call was rewritten. */
  rewrittenBindings: ReadonlySet<FsBinding>;
  pending: readonly PendingImport[];
  /** Import and `require` declarations the rewrite changed (a name added or removed). */
  touched: Set<ASTPath>;
  /** The object pattern nodes whose properties changed. */
  touchedPatterns: Set<unknown>;
}

type AnyNode = { type: string; start?: number; end?: number; comments?: Array<{ leading?: boolean; trailing?: boolean }> | null; [k: string]: unknown };

/**
 * Whether `binding` is still referenced after the rewrite. Only the declaring statement's scope is
 * searched (ast-types scopes are function or program scopes, a superset of a `const`'s block): a file
 * with hundreds of function-local `const fs = require('fs')` (a bundle) stays linear.
 */
function isStillReferenced(j: JSCodeshift, root: Collection, binding: FsBinding): boolean {
  const scopePath = (binding.statement as { scope?: { path?: ASTPath } | null }).scope?.path;
  const region = scopePath ? j(scopePath) : root;
  return (
    region
      .find(j.Identifier, { name: binding.local })
      .filter((id) => !isDeclarationPart(id, binding) && isBindingOrReference(id) && refersTo(id, binding))
      .size() > 0
  );
}

/** The quote character the anchor statement uses for its module specifier. */
function quoteOf(anchor: AnyNode, source: SourceText): string {
  const text = source.textOf(anchor as never) ?? '';
  const match = text.match(/(['"`])(?:node:)?[\w@./-]+\1/);
  return match ? match[1] : "'";
}

/** Columns a statement may take before it is broken over lines (Prettier's default `printWidth`). */
const PRINT_WIDTH = 80;

/**
 * `{ a, b }` in the file's style: spaces inside the braces unless the file writes `{a}` (Prettier's
 * `bracketSpacing: false`); one name a line, indented by the file's unit, with a trailing comma where
 * the file writes them, when one line would run past {@link PRINT_WIDTH}.
 */
function braceList(names: readonly string[], head: string, tail: string, original: string): string {
  const tight = (original.match(/(?:import|export|const|let|var)\s*\{[\w$]/g) ?? []).length > (original.match(/(?:import|export|const|let|var)\s*\{[ \t]+[\w$]/g) ?? []).length;
  const oneLine = tight ? `${head}{${names.join(', ')}}${tail}` : `${head}{ ${names.join(', ')} }${tail}`;
  if (oneLine.length <= PRINT_WIDTH || names.length < 2) return oneLine;
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(detectStyle(original));
  // a trailing comma where the file has one in a multi-line list, else as Prettier's default does in a file with semicolons
  const trailing = /,[ \t]*\r?\n[ \t]*[}\])]/.test(original) || detectStyle(original).semicolons ? ',' : '';
  return `${head}{${eol}${names.map((n, i) => `${unit}${n}${i === names.length - 1 ? trailing : ','}`).join(eol)}${eol}}${tail}`;
}

/** The statement text of a pending import, in the anchor's style. */
function importText(entry: PendingImport, source: SourceText, original: string): string {
  const anchor = entry.anchor.node as AnyNode;
  const quote = quoteOf(anchor, source);
  const semicolon = (source.textOf(anchor as never) ?? ';').trimEnd().endsWith(';') ? ';' : '';
  const module = `${quote}${entry.module}${quote}`;
  if (entry.form === 'import') {
    // import { readFile, stat as statAsync } from 'node:fs/promises';
    const names = entry.specifiers.map(([exported, local]) => (exported === local ? exported : `${exported} as ${local}`));
    return braceList(names, 'import ', ` from ${module}${semicolon}`, original);
  }
  // const { readFile, stat: statAsync } = require('node:fs/promises');
  const names = entry.specifiers.map(([exported, local]) => (exported === local ? exported : `${exported}: ${local}`));
  return braceList(names, `${entry.declarationKind} `, ` = require(${module})${semicolon}`, original);
}

/**
 * Remove `binding`'s name from its statement. Returns whether the statement is left with nothing,
 * and how to put the name back (an emptied statement removed from the text must print as it was).
 */
function removeFromStatement(binding: FsBinding, touched: Set<ASTPath>, touchedPatterns: Set<unknown>): { emptied: boolean; undo: () => void } {
  const statement = binding.statement.node as AnyNode;
  const spliceOut = (list: AnyNode[], item: AnyNode): (() => void) => {
    const index = list.indexOf(item);
    if (index < 0) return () => {};
    list.splice(index, 1);
    return () => list.splice(index, 0, item);
  };
  if (statement.type === 'TSImportEqualsDeclaration') return { emptied: true, undo: () => {} };
  touched.add(binding.statement);
  if (statement.type === 'ImportDeclaration') {
    const specifiers = statement.specifiers as AnyNode[];
    const undo = spliceOut(specifiers, binding.holder?.node as AnyNode);
    return { emptied: specifiers.length === 0, undo };
  }
  const declarations = statement.declarations as AnyNode[];
  const holder = binding.holder?.node as AnyNode;
  if (holder.type === 'VariableDeclarator') {
    const undo = spliceOut(declarations, holder);
    return { emptied: declarations.length === 0, undo };
  }
  const pattern = binding.holder?.parent?.node as AnyNode;
  const properties = pattern.properties as AnyNode[];
  const undoProperty = spliceOut(properties, holder);
  touchedPatterns.add(pattern);
  if (properties.length > 0) return { emptied: false, undo: undoProperty };
  const undoDeclarator = spliceOut(declarations, binding.holder?.parent?.parent?.node as AnyNode);
  return {
    emptied: declarations.length === 0,
    undo: () => {
      undoDeclarator();
      undoProperty();
    },
  };
}

/** Remove a statement; its comments go to the next statement, or it stays when there is none. */
function removeStatement(path: ASTPath): void {
  const node = path.node as AnyNode;
  const comments = node.comments ?? [];
  if (comments.length > 0) {
    const body = path.parent?.node?.body as AnyNode[] | undefined;
    const next = Array.isArray(body) ? body[body.indexOf(node) + 1] : undefined;
    if (!next) return;
    next.comments = [...comments.map((c) => ({ ...c, leading: true, trailing: false })), ...(next.comments ?? [])];
  }
  path.prune();
}

/**
 * recast reprints a changed variable declaration in its own layout (object patterns over several
 * lines, every declarator re-indented). A `require` declaration the rewrite changed is rewritten
 * from text instead: declarators and properties it did not change keep their original text and the
 * separators between them, and a changed pattern keeps its layout (see rebuild-list-text):
 * `const fs = require('fs'), { readJson, writeJson } = require('fs-extra');`.
 */
function requireDestructuringText(statement: ASTPath, source: SourceText, original: string, patterns: ReadonlySet<unknown>): string | undefined {
  const node = statement.node as AnyNode;
  const declarations = node.declarations as AnyNode[] | undefined;
  const statementText = source.textOf(node as never);
  if (node.type !== 'VariableDeclaration' || !declarations?.length || statementText === undefined) return undefined;
  const texts: string[] = [];
  for (const declarator of declarations) {
    const pattern = declarator.id as AnyNode;
    const text = source.textOf(declarator as never);
    if (text === undefined) return undefined;
    if (!patterns.has(pattern) || pattern.type !== 'ObjectPattern') {
      texts.push(text);
      continue;
    }
    const list = changedListText(pattern.properties as AnyNode[], (pattern as { original?: AnyNode }).original?.properties as AnyNode[] | undefined, source, original, propertyText);
    if (list === undefined) return undefined;
    const start = source.offsetOf((declarator.loc as Loc).start);
    texts.push(original.slice(start, list.open) + list.text + original.slice(list.close + 1, start + text.length));
  }
  let text = `${node.kind as string} ${texts[0]}`;
  for (let i = 1; i < declarations.length; i++) {
    // The original separator after the previous declarator (`,\n\t` or `, `), up to what follows it.
    const between = source.between(declarations[i - 1] as never, declarations[i] as never) ?? '';
    text += /^\s*,\s*/.exec(between)?.[0] ?? ', ';
    text += texts[i];
  }
  return text + (statementText.trimEnd().endsWith(';') ? ';' : '');
}

type Loc = { start: { line: number; column: number }; end: { line: number; column: number } };

/** A new destructuring property: `readJson` or `readJson: readJsonAsync`. */
function propertyText(prop: AnyNode): string {
  const key = (prop.key as { name: string }).name;
  const value = (prop.value as { name: string }).name;
  return key === value ? key : `${key}: ${value}`;
}

/** A new import specifier: `readFile` or `readFile as readFileAsync`. */
function specifierText(spec: AnyNode): string {
  const imported = (spec.imported as { name: string }).name;
  const local = (spec.local as { name: string } | null)?.name ?? imported;
  return imported === local ? imported : `${imported} as ${local}`;
}

/**
 * The new text of a braced list whose items changed, with the offsets of the original `{` and `}`.
 * `items` are the list's items now, `before` the original ones (recast's `.original` nodes): items
 * with a location are kept originals, the others new (written by `write`). Undefined when the list
 * cannot be matched to the original text (the caller then falls back).
 */
function changedListText(
  items: readonly AnyNode[],
  before: readonly AnyNode[] | undefined,
  source: SourceText,
  original: string,
  write: (item: AnyNode) => string,
): { open: number; close: number; text: string } | undefined {
  if (!before?.length) return undefined;
  const ranges = before.map((item) => [source.offsetOf((item.loc as Loc).start), source.offsetOf((item.loc as Loc).end)] as const);
  const startOf = (item: AnyNode) => (item.loc ? source.offsetOf((item.loc as Loc).start) : undefined);
  const kept: number[] = [];
  const added: string[] = [];
  for (const item of items) {
    const start = startOf(item);
    if (start === undefined) {
      added.push(write(item));
      continue;
    }
    const index = ranges.findIndex(([from]) => from === start);
    if (index < 0 || (kept.length > 0 && index <= kept[kept.length - 1]) || added.length > 0) return undefined;
    kept.push(index);
  }
  const open = original.lastIndexOf('{', ranges[0][0]);
  const close = original.indexOf('}', ranges[ranges.length - 1][1]);
  if (open < 0 || close < 0) return undefined;
  const text = rebuildListText({ text: original, open, close, items: ranges, kept, added });
  return text === undefined ? undefined : { open, close, text };
}

/**
 * The original text of a statement's leading comments, up to the statement itself. They go into
 * the replacement's snippet: a node whose comments are set by hand is reprinted generically.
 */
function leadingCommentsText(node: AnyNode, source: SourceText): string {
  const leading = (node.comments ?? []).filter((c) => c.leading) as Array<{ loc?: { start: { line: number; column: number } } }>;
  const first = leading[0]?.loc?.start;
  const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
  return first && start ? source.slice(first, start) : '';
}

/**
 * A changed import declaration from text: specifiers it did not change keep their original text,
 * new ones are written as `name` or `name as local`; `import fs, { readFile } from 'fs';`. A named
 * list that keeps some names keeps its layout (line breaks, indentation, trailing comma).
 */
function importDeclarationText(statement: ASTPath, source: SourceText, originalText: string): string | undefined {
  const node = statement.node as AnyNode;
  const original = source.textOf(node as never);
  const module = source.textOf(node.source as never);
  if (original === undefined || module === undefined) return undefined;
  const specifiers = node.specifiers as AnyNode[];
  const isNamed = (spec: AnyNode) => spec.type === 'ImportSpecifier';
  const textOf = (spec: AnyNode): string => source.textOf(spec as never) ?? specifierText(spec);
  const leading = specifiers.filter((spec) => !isNamed(spec));
  const named = specifiers.filter(isNamed);

  // Keep the statement's own text around a named list that changed but is not emptied.
  const before = ((node as { original?: AnyNode }).original?.specifiers as AnyNode[] | undefined) ?? [];
  const leadingBefore = before.filter((spec) => !isNamed(spec));
  const sameLeading = leading.length === leadingBefore.length && leading.every((spec) => spec.loc && leadingBefore.some((b) => samePosition(b, spec)));
  if (sameLeading && named.length > 0) {
    const list = changedListText(named, before.filter(isNamed), source, originalText, specifierText);
    if (list !== undefined) {
      const start = source.offsetOf((node.loc as Loc).start);
      return originalText.slice(start, list.open) + list.text + originalText.slice(list.close + 1, start + original.length);
    }
  }
  const parts = [...leading.map(textOf), ...(named.length > 0 ? [`{ ${named.map(textOf).join(', ')} }`] : [])];
  return `import ${parts.join(', ')} from ${module}${original.trimEnd().endsWith(';') ? ';' : ''}`;
}

const samePosition = (a: AnyNode, b: AnyNode): boolean => {
  const x = (a.loc as Loc | undefined)?.start;
  const y = (b.loc as Loc | undefined)?.start;
  return x !== undefined && y !== undefined && x.line === y.line && x.column === y.column;
};

/** The new text of a statement whose names the rewrite changed (an import or a `require` declaration). */
function changedStatementText(statement: ASTPath, source: SourceText, original: string, patterns: ReadonlySet<unknown>): string | undefined {
  return (statement.node as AnyNode).type === 'ImportDeclaration'
    ? importDeclarationText(statement, source, original)
    : requireDestructuringText(statement, source, original, patterns);
}

/**
 * Replace a statement with a snippet of `text`, keeping its comments' original text (a node whose
 * comments are set by hand is printed from scratch, with a `;` the file may not use).
 */
function replaceWithText(j: JSCodeshift, statement: ASTPath, text: string, source: SourceText): void {
  const node = statement.node as AnyNode;
  const replacement = j(leadingCommentsText(node, source) + text + trailingCommentsText(node, source)).find(j.Program).get().node.body[0] as AnyNode;
  statement.replace(replacement);
}

const withTrailingComments = (text: string | undefined, statement: ASTPath, source: SourceText): string | undefined =>
  text === undefined ? undefined : text + trailingCommentsText(statement.node as AnyNode, source);

/** The original text from the end of a statement to the end of its last trailing comment (` // why`). */
function trailingCommentsText(node: AnyNode, source: SourceText): string {
  const trailing = (node.comments ?? []).filter((c) => c.trailing) as Array<{ loc?: { end: { line: number; column: number } } }>;
  const last = trailing[trailing.length - 1]?.loc?.end;
  const end = (node as { loc?: { end: { line: number; column: number } } }).loc?.end;
  return last && end ? source.slice(end, last) : '';
}

/**
 * An edit made on the printed text rather than the tree. Adding or removing a statement changes the
 * length of its parent's body, and recast then reprints the whole body: a `'use strict'` directive
 * gets a second `;` and blank lines go. So a new import is inserted after its anchor's text, and an
 * emptied import's text is removed, once recast has printed everything else.
 */
export type TextEdit = { insertAfter: string; text: string } | { remove: string };

const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

/**
 * Write pending imports and remove the sync imports the rewrite left unused.
 * Returns the edits to make on the printed text with {@link applyTextEdits}. A statement whose text
 * is not unique in the file is edited in the tree instead.
 */
export function updateImports(j: JSCodeshift, root: Collection, input: UpdateImportsInput): TextEdit[] {
  const { source, original } = input;
  const edits: TextEdit[] = [];
  const unique = (text: string | undefined): text is string => text !== undefined && occurrences(original, text) === 1;

  const emptied = new Set<ASTPath>();
  const undos = new Map<ASTPath, Array<() => void>>();
  for (const binding of input.rewrittenBindings) {
    if (isStillReferenced(j, root, binding)) continue;
    const { emptied: isEmpty, undo } = removeFromStatement(binding, input.touched, input.touchedPatterns);
    undos.set(binding.statement, [...(undos.get(binding.statement) ?? []), undo]);
    if (isEmpty) emptied.add(binding.statement);
  }

  // Every text is computed from the original nodes before any statement is replaced.
  const newTexts = new Map<ASTPath, string | undefined>();
  for (const statement of input.touched) {
    if (!emptied.has(statement)) newTexts.set(statement, changedStatementText(statement, source, original, input.touchedPatterns));
  }
  const inserts = input.pending.map((entry) => ({
    entry,
    text: importText(entry, source, original),
    // The anchor with its trailing comment (a changed one is written so by replaceWithText): the new
    // line goes after both, and the comment can make a repeated statement text unique.
    anchorText: withTrailingComments(newTexts.has(entry.anchor) ? newTexts.get(entry.anchor) : source.textOf(entry.anchor.node as never), entry.anchor, source),
  }));
  const removals = [...emptied].map((statement) => ({ statement, text: source.textOf(statement.node as never) }));

  for (const [statement, text] of newTexts) {
    if (text !== undefined) replaceWithText(j, statement, text, source);
  }
  for (const { entry, text, anchorText } of inserts) {
    if (emptied.has(entry.anchor)) {
      // The anchor's place goes to the new import, with the anchor's comments.
      replaceWithText(j, entry.anchor, text, source);
      emptied.delete(entry.anchor);
      continue;
    }
    const placeable = newTexts.has(entry.anchor) ? anchorText !== undefined && occurrences(original, anchorText) === 0 : unique(anchorText);
    if (placeable) edits.push({ insertAfter: anchorText as string, text });
    else entry.anchor.insertAfter(j(text).find(j.Program).get().node.body[0]);
  }
  for (const { statement, text } of removals) {
    if (!emptied.has(statement)) continue;
    if (unique(text)) {
      // Printed as it was (names put back), then cut out of the text.
      for (const undo of [...(undos.get(statement) ?? [])].reverse()) undo();
      edits.push({ remove: text });
    } else removeStatement(statement);
  }
  return edits;
}

/**
 * Make the {@link TextEdit}s on `output` (the printed file, line terminator `eol`): a new import goes
 * on its own line after the line its anchor ends on; a removed statement takes its line with it when
 * nothing else is on it (comments above it stay where they are, a comment after it on its line
 * takes its place).
 * @throws Error when an anchor is not found exactly once (the engine then leaves the file unchanged).
 */
export function applyTextEdits(output: string, edits: readonly TextEdit[], eol: string): string {
  let result = output;
  for (const edit of edits) {
    const needle = 'remove' in edit ? edit.remove : edit.insertAfter;
    const at = result.indexOf(needle);
    if (at < 0 || result.indexOf(needle, at + 1) >= 0) throw new Error(`fs-promises: cannot place an import edit at "${needle.slice(0, 60)}"`);
    if ('remove' in edit) {
      const lineStart = result.lastIndexOf('\n', at - 1) + 1;
      const lineEndAt = result.indexOf('\n', at + needle.length);
      const lineEnd = lineEndAt < 0 ? result.length : lineEndAt + 1;
      const rest = result.slice(lineStart, at) + result.slice(at + needle.length, lineEndAt < 0 ? result.length : lineEndAt);
      // A comment after the statement on its line stays, where the statement began.
      const after = result.slice(at + needle.length).replace(/^[ \t]+(?=\/[/*])/, '');
      result = rest.trim() === '' ? result.slice(0, lineStart) + result.slice(lineEnd) : result.slice(0, at) + after;
    } else {
      const lineEndAt = result.indexOf(eol, at + needle.length);
      const insertAt = lineEndAt < 0 ? result.length : lineEndAt;
      result = `${result.slice(0, insertAt)}${eol}${edit.text}${result.slice(insertAt)}`;
    }
  }
  return result;
}
