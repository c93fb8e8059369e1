/**
 * One traversal of a parsed file that collects the paths every audit step needs (functions, calls,
 * expression statements), instead of one `root.find()` per step: on large files the ast-types path
 * traversal, not the parse, is what costs.
 */
import jscodeshift, { type ASTPath } from 'jscodeshift';
import { isFunctionNode } from './context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyPath = ASTPath<any>;

/** The paths of one file, in source order. */
export interface FilePaths {
  program: AnyPath;
  /** Function-like nodes with a body. */
  functions: AnyPath[];
  /** CallExpression, OptionalCallExpression and NewExpression. */
  calls: AnyPath[];
  expressionStatements: AnyPath[];
  /** ClassDeclaration and ClassExpression. */
  classes: AnyPath[];
}

/** Walk `ast` (a Babel `File`) once. */
export function collectFilePaths(ast: any): FilePaths {
  const paths: FilePaths = { program: undefined as unknown as AnyPath, functions: [], calls: [], expressionStatements: [], classes: [] };
  jscodeshift.types.visit(ast, {
    visitNode(path: AnyPath) {
      const node = path.node;
      if (node.type === 'Program') paths.program = path;
      else if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression' || node.type === 'NewExpression') paths.calls.push(path);
      else if (node.type === 'ExpressionStatement') paths.expressionStatements.push(path);
      else if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') paths.classes.push(path);
      else if (isFunctionNode(node) && node.body != null) paths.functions.push(path);
      this.traverse(path);
    },
  });
  return paths;
}
