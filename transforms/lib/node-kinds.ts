/**
 * Node types shared by every transform and the audit (babel / ast-types names), so that "what is a
 * function" is decided in one place.
 */

/** Every node type that is a function with a body at run time: the boundary of `await` and `return`. */
export const FUNCTION_NODE_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

