/**
 * Is an expression free of side effects, so that evaluating it earlier, later or twice cannot be
 * observed by the surrounding code?
 *
 * Syntactic and conservative: literals, identifiers, `this`, member reads, operators over those, and
 * function/arrow expressions (creating a closure does nothing observable) are side-effect free;
 * calls, `new`, assignments, updates, `delete`, `await`, `yield`, tagged templates and spreads (which
 * run iterators) are not. Property reads are assumed not to hit getters with effects (a documented
 * limitation shared by every transform that uses this).
 */
import type { AnyNode } from './lexical-scope';

const TRANSPARENT_WRAPPERS = new Set(['TSAsExpression', 'TSTypeAssertion', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression', 'TypeCastExpression']);

/** True when evaluating `node` has no side effects (see the module comment for the exact rules). */
export function isSideEffectFree(node: AnyNode): boolean {
  if (!node) return true;
  if (TRANSPARENT_WRAPPERS.has(node.type)) return isSideEffectFree(node.expression);
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'Super':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BigIntLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'RegExpLiteral':
    case 'Literal':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'MetaProperty':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isSideEffectFree);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isSideEffectFree(node.object) && (!node.computed || isSideEffectFree(node.property));
    case 'UnaryExpression':
      return node.operator !== 'delete' && isSideEffectFree(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isSideEffectFree(node.left) && isSideEffectFree(node.right);
    case 'ConditionalExpression':
      return isSideEffectFree(node.test) && isSideEffectFree(node.consequent) && isSideEffectFree(node.alternate);
    case 'ArrayExpression':
      return node.elements.every((e: AnyNode) => e === null || (e.type !== 'SpreadElement' && isSideEffectFree(e)));
    case 'ObjectExpression':
      return node.properties.every(
        (p: AnyNode) =>
          (p.type === 'ObjectProperty' || p.type === 'Property') && (!p.computed || isSideEffectFree(p.key)) && isSideEffectFree(p.value),
      );
    default:
      return false;
  }
}
