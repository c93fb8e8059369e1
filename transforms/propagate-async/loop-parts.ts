/**
 * Parts shared by the restructurings that print a new loop (to-sequential-loop, to-collect-loop):
 * fresh names for temporaries and the type annotation of a collected array.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { LooseNode } from './context';

/** `base`, or `base2`, `base3`, … : the first not in `used` (every identifier of the file), which it joins. */
export function freshName(used: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/**
 * A type annotation `: <text>` for a type the plan printed (`number[]`, `{ file: string; bytes: number; }[]`),
 * or undefined when the file's parser does not read it as a type. Written as the checker printed it,
 * on one line (recast would spread a type literal it builds over several lines): the type node holds
 * the checked text as its name.
 */
export function typeAnnotationOf(j: JSCodeshift, text: string): LooseNode | undefined {
  try {
    const declarator = j(`let x: ${text};`).find(j.VariableDeclarator).nodes()[0] as unknown as LooseNode | undefined;
    if (!(declarator?.id as LooseNode | undefined)?.typeAnnotation) return undefined;
  } catch {
    return undefined;
  }
  return j.tsTypeAnnotation(j.tsTypeReference(j.identifier(text))) as unknown as LooseNode;
}

/**
 * What takes the place of `return <expr>;` or `ys = <expr>;` once `<expr>` is collected into `result`:
 * `return result;` / `ys = result;`.
 */
export function finalStatementFor(j: JSCodeshift, parent: LooseNode, result: string): LooseNode {
  const statement = parent.type === 'ReturnStatement' ? j.returnStatement(j.identifier(result)) : j.expressionStatement(j.assignmentExpression('=', parent.left as never, j.identifier(result)));
  return statement as unknown as LooseNode;
}

/**
 * Put `list` (declaration, loop, final statement) where `statement` stands: spliced into its
 * statement list, or wrapped in a block where the statement is a single body (`if (c) return …;`).
 */
export function replaceStatementWith(j: JSCodeshift, statement: ASTPath<unknown>, list: unknown[]): void {
  if (Array.isArray((statement as unknown as { parentPath: { value: unknown } }).parentPath.value)) statement.replace(...(list as never[]));
  else statement.replace(j.blockStatement(list as never[]));
}
