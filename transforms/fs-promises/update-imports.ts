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

/** Inputs of this step. */
export interface UpdateImportsInput {
  /** The original text, for nodes' own text. */
  source: SourceText;
  /** Bindings through which at least one call was rewritten. */
  rewrittenBindings: ReadonlySet<FsBinding>;
  pending: readonly PendingImport[];
  /** `require` declarations the rewrite changed (a declarator or a pattern property added or removed). */
  touched: Set<ASTPath>;
  /** The object pattern nodes whose properties changed. */
  touchedPatterns: Set<unknown>;
}

type AnyNode = { type: string; start?: number; end?: number; comments?: Array<{ leading?: boolean; trailing?: boolean }> | null; [k: string]: unknown };

function isStillReferenced(j: JSCodeshift, root: Collection, binding: FsBinding): boolean {
  return (
    root
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

/** The statement text of a pending import, in the anchor's style. */
function importText(entry: PendingImport, source: SourceText): string {
  const anchor = entry.anchor.node as AnyNode;
  const quote = quoteOf(anchor, source);
  const semicolon = (source.textOf(anchor as never) ?? ';').trimEnd().endsWith(';') ? ';' : '';
  const module = `${quote}${entry.module}${quote}`;
  if (entry.form === 'import') {
    // import { readFile, stat as statAsync } from 'node:fs/promises';
    const names = entry.specifiers.map(([exported, local]) => (exported === local ? exported : `${exported} as ${local}`)).join(', ');
    return `import { ${names} } from ${module}${semicolon}`;
  }
  // const { readFile, stat: statAsync } = require('node:fs/promises');
  const names = entry.specifiers.map(([exported, local]) => (exported === local ? exported : `${exported}: ${local}`)).join(', ');
  return `${entry.declarationKind} { ${names} } = require(${module})${semicolon}`;
}

/** Remove `binding`'s name from its statement; true when the statement is left with nothing. */
function removeFromStatement(binding: FsBinding, touched: Set<ASTPath>, touchedPatterns: Set<unknown>): boolean {
  const statement = binding.statement.node as AnyNode;
  if (statement.type === 'TSImportEqualsDeclaration') return true;
  if (statement.type === 'ImportDeclaration') {
    const specifiers = statement.specifiers as AnyNode[];
    const index = specifiers.indexOf(binding.holder?.node as AnyNode);
    if (index >= 0) specifiers.splice(index, 1);
    return specifiers.length === 0;
  }
  const declarations = statement.declarations as AnyNode[];
  const holder = binding.holder?.node as AnyNode;
  touched.add(binding.statement);
  if (holder.type === 'VariableDeclarator') {
    declarations.splice(declarations.indexOf(holder), 1);
  } else {
    const pattern = binding.holder?.parent?.node as AnyNode;
    const properties = pattern.properties as AnyNode[];
    properties.splice(properties.indexOf(holder), 1);
    touchedPatterns.add(pattern);
    if (properties.length === 0) {
      const declarator = binding.holder?.parent?.parent?.node as AnyNode;
      declarations.splice(declarations.indexOf(declarator), 1);
    }
  }
  return declarations.length === 0;
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
 * separators between them; a changed pattern is written on one line,
 * `const fs = require('fs'), { readJson, writeJson } = require('fs-extra');`.
 */
function requireDestructuringText(statement: ASTPath, source: SourceText, patterns: ReadonlySet<unknown>): string | undefined {
  const node = statement.node as AnyNode;
  const declarations = node.declarations as AnyNode[] | undefined;
  const original = source.textOf(node as never);
  if (node.type !== 'VariableDeclaration' || !declarations?.length || original === undefined) return undefined;
  const texts: string[] = [];
  for (const declarator of declarations) {
    const pattern = declarator.id as AnyNode;
    const init = declarator.init as AnyNode | null;
    const initText = init ? source.textOf(init as never) : undefined;
    if (!patterns.has(pattern) || pattern.type !== 'ObjectPattern' || initText === undefined) {
      const text = source.textOf(declarator as never);
      if (text === undefined) return undefined;
      texts.push(text);
      continue;
    }
    const properties = (pattern.properties as AnyNode[]).map((prop) => {
      const text = source.textOf(prop as never);
      if (text !== undefined) return text;
      const key = (prop.key as { name: string }).name;
      const value = (prop.value as { name: string }).name;
      return key === value ? key : `${key}: ${value}`;
    });
    texts.push(`{ ${properties.join(', ')} } = ${initText}`);
  }
  let text = `${node.kind as string} ${texts[0]}`;
  for (let i = 1; i < declarations.length; i++) {
    // The original separator after the previous declarator (`,\n\t` or `, `), up to what follows it.
    const between = source.between(declarations[i - 1] as never, declarations[i] as never) ?? '';
    text += /^\s*,\s*/.exec(between)?.[0] ?? ', ';
    text += texts[i];
  }
  return text + (original.trimEnd().endsWith(';') ? ';' : '');
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

/** Replace a changed `require` destructuring with its text in the file's style (see {@link requireDestructuringText}). */
function reprintRequireDestructuring(j: JSCodeshift, statement: ASTPath, source: SourceText, patterns: ReadonlySet<unknown>): void {
  const text = requireDestructuringText(statement, source, patterns);
  if (text === undefined) return;
  const comments = leadingCommentsText(statement.node as AnyNode, source);
  const replacement = j(comments + text).find(j.Program).get().node.body[0] as AnyNode;
  statement.replace(replacement);
}

/**
 * Write pending imports and remove the sync imports the rewrite left unused.
 * Returns the texts of the statements inserted after another one (for {@link tidyInsertedLines}).
 */
export function updateImports(j: JSCodeshift, root: Collection, input: UpdateImportsInput): string[] {
  const inserted: string[] = [];
  const emptied = new Set<ASTPath>();
  for (const binding of input.rewrittenBindings) {
    if (isStillReferenced(j, root, binding)) continue;
    if (removeFromStatement(binding, input.touched, input.touchedPatterns)) emptied.add(binding.statement);
  }
  for (const statement of input.touched) {
    if (!emptied.has(statement) && !input.pending.some((p) => p.anchor === statement)) reprintRequireDestructuring(j, statement, input.source, input.touchedPatterns);
  }
  for (const entry of input.pending) {
    const text = importText(entry, input.source);
    const statement = j(text).find(j.Program).get().node.body[0] as AnyNode;
    if (emptied.has(entry.anchor)) {
      statement.comments = (entry.anchor.node as AnyNode).comments ?? null;
      entry.anchor.replace(statement);
      emptied.delete(entry.anchor);
    } else {
      const anchorText = input.touched.has(entry.anchor) ? requireDestructuringText(entry.anchor, input.source, input.touchedPatterns) : undefined;
      if (anchorText !== undefined) {
        // Both statements from one snippet, so recast keeps the line break between them.
        const comments = leadingCommentsText(entry.anchor.node as AnyNode, input.source);
        const [first, second] = j(`${comments}${anchorText}\n${text}`).find(j.Program).get().node.body as AnyNode[];
        entry.anchor.replace(first, second);
      } else {
        entry.anchor.insertAfter(statement);
        inserted.push(text);
      }
    }
  }
  for (const statement of emptied) removeStatement(statement);
  return inserted;
}
