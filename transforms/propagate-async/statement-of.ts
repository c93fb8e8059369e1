/** The statement a declaration's loop is inserted after. */
import type { ASTPath } from 'jscodeshift';
import type { LooseNode } from './context';

/** The statement path of a declaration: the declaration, or the `export` that holds it (`export const ys = …`). */
export function statementOf(declaration: ASTPath<unknown>): ASTPath<unknown> {
  const holder = declaration.parent as ASTPath<unknown> | undefined;
  return (holder?.node as LooseNode | undefined)?.type === 'ExportNamedDeclaration' ? holder as ASTPath<unknown> : declaration;
}
