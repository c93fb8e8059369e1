/**
 * Finish the file's imports after the calls are rewritten: write the new fs/promises imports in the
 * file's own style (quotes, semicolons, `const`/`let`/`var`), and remove sync imports that the
 * rewrite left unused — only those: an import that was unused before stays, so does every import
 * still referenced. A removed import's comments move to the statement that replaces or follows it.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isBindingOrReference } from '../lib/bindings';
import type { FsBinding } from './find-fs-bindings';
import { refersTo } from './find-sync-call-sites';
import type { PendingImport } from './promise-callees';

/** Inputs of this step. */
export interface UpdateImportsInput {
  source: string;
  /** Bindings through which at least one call was rewritten. */
  rewrittenBindings: ReadonlySet<FsBinding>;
  pending: readonly PendingImport[];
}

type AnyNode = { type: string; start?: number; end?: number; comments?: Array<{ leading?: boolean; trailing?: boolean }> | null; [k: string]: unknown };

function isStillReferenced(j: JSCodeshift, root: Collection, binding: FsBinding): boolean {
  return (
    root
      .find(j.Identifier, { name: binding.local })
      .filter((id) => {
        if (id.node === binding.idNode) return false;
        const parentType = id.parent?.node.type;
        if (parentType === 'TSImportEqualsDeclaration' && (id.parent.node as { id: unknown }).id === id.node) return false;
        if (parentType === 'ImportSpecifier' || parentType === 'ImportDefaultSpecifier' || parentType === 'ImportNamespaceSpecifier') return false;
        return isBindingOrReference(id) && refersTo(id, binding);
      })
      .size() > 0
  );
}

/** The quote character the anchor statement uses for its module specifier. */
function quoteOf(anchor: AnyNode, source: string): string {
  const text = source.slice(anchor.start ?? 0, anchor.end ?? 0);
  const match = text.match(/(['"`])(?:node:)?[\w@./-]+\1/);
  return match ? match[1] : "'";
}

/** The statement text of a pending import, in the anchor's style. */
function importText(entry: PendingImport, source: string): string {
  const anchor = entry.anchor.node as AnyNode;
  const quote = quoteOf(anchor, source);
  const semicolon = source.slice(anchor.start ?? 0, anchor.end ?? 0).trimEnd().endsWith(';') ? ';' : '';
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
function removeFromStatement(binding: FsBinding): boolean {
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
  if (holder.type === 'VariableDeclarator') {
    declarations.splice(declarations.indexOf(holder), 1);
  } else {
    const pattern = binding.holder?.parent?.node as AnyNode;
    const properties = pattern.properties as AnyNode[];
    properties.splice(properties.indexOf(holder), 1);
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

/** Write pending imports and remove the sync imports the rewrite left unused. */
export function updateImports(j: JSCodeshift, root: Collection, input: UpdateImportsInput): void {
  const emptied = new Set<ASTPath>();
  for (const binding of input.rewrittenBindings) {
    if (isStillReferenced(j, root, binding)) continue;
    if (removeFromStatement(binding)) emptied.add(binding.statement);
  }
  for (const entry of input.pending) {
    const statement = j(importText(entry, input.source)).find(j.Program).get().node.body[0] as AnyNode;
    if (emptied.has(entry.anchor)) {
      statement.comments = (entry.anchor.node as AnyNode).comments ?? null;
      entry.anchor.replace(statement);
      emptied.delete(entry.anchor);
    } else {
      entry.anchor.insertAfter(statement);
    }
  }
  for (const statement of emptied) removeStatement(statement);
}
