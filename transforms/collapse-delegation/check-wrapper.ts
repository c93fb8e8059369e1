/**
 * Checks on the wrapper itself, before its callee and arguments are looked at: its kind, decorators,
 * method family, body shape, use of `arguments`, parameters, and whether deleting the two keywords
 * would change how the text parses.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isBindingOrReference } from '../lib/bindings';
import type { AnyNode } from '../lib/lexical-scope';
import type { Refusal } from './check-arguments';
import { findClassFamily } from './class-facts';
import type { Delegation } from './find-delegations';

const FIELD_TYPES = new Set(['ClassProperty', 'ClassAccessorProperty', 'PropertyDefinition']);
const LITERAL_TYPES = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'Literal']);

/**
 * The class member the wrapper *is* (a method, or the function value of a field), with its class
 * path; undefined when the wrapper is not a class member. Private members (`#m`) are left out: they
 * cannot be overridden or implement an interface member, so they belong to no family.
 */
function getMemberOfClass(fn: ASTPath): { member: AnyNode; classPath: ASTPath } | undefined {
  const node: AnyNode = fn.node;
  if (node.type === 'ClassMethod') return fn.parent?.parent ? { member: node, classPath: fn.parent.parent } : undefined;
  const parent: AnyNode = fn.parent?.node;
  if (parent && FIELD_TYPES.has(parent.type) && parent.value === node && parent.key?.type !== 'PrivateName') {
    const classPath = fn.parent?.parent?.parent;
    return classPath ? { member: parent, classPath } : undefined;
  }
  return undefined;
}

/** Why a parameter may throw while it is bound, or undefined. */
function findParameterRisk(param: AnyNode): string | undefined {
  const p = param.type === 'TSParameterProperty' ? param.parameter : param;
  if (p.type === 'Identifier') return undefined;
  if (p.type === 'RestElement' && p.argument.type === 'Identifier') return undefined;
  if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') {
    const right = p.right;
    if (LITERAL_TYPES.has(right.type) || (right.type === 'Identifier' && right.name === 'undefined')) return undefined;
    return `the default value of ${p.left.name} is evaluated at call time and may throw`;
  }
  if (p.type === 'ObjectPattern' || p.type === 'ArrayPattern' || p.type === 'AssignmentPattern') return 'a destructuring parameter throws on null/undefined or non-iterable arguments';
  return `a ${p.type} parameter may throw`;
}

/** True when the node at `path` is the first thing of an expression statement (`async (a) => g(a), x;`). */
function startsStatement(path: ASTPath): boolean {
  const start: number = (path.node as AnyNode).start;
  for (let p = path.parent; p && (p.node as AnyNode).start === start; p = p.parent) {
    if (p.node.type === 'ExpressionStatement') return true;
  }
  return false;
}

/** Whether deleting `async`/`await` would change how the code parses; the reason, or undefined. */
function findLayoutRisk(d: Delegation, source: string, isTsx: boolean): string | undefined {
  const fn: AnyNode = d.fn.node;
  if (isTsx && fn.type === 'ArrowFunctionExpression' && fn.typeParameters) {
    // In .tsx, only `<T>(…) =>` (one type parameter, no constraint, no trailing comma) reads as JSX.
    const params: AnyNode[] = fn.typeParameters.params;
    const text = source.slice(fn.typeParameters.start, fn.typeParameters.end);
    if (params.length === 1 && !params[0].constraint && !text.includes(',')) return 'without `async`, `<T>(…) =>` would parse as JSX in a .tsx file';
  }
  if (d.awaitNode) {
    const after = source.slice(d.awaitNode.start + 'await'.length).match(/^\s*/)?.[0].length ?? 0;
    const next = source.slice(d.awaitNode.start + 5 + after, d.awaitNode.start + 7 + after);
    if (next === '//' || next === '/*') return 'a comment follows `await`; deleting the keyword could join lines';
  }
  if (fn.type === 'ArrowFunctionExpression' && startsStatement(d.fn)) {
    return 'the arrow starts a statement; without `async` it would begin with `(` and could join the previous line';
  }
  return undefined;
}

/** Step: wrapper-level refusal (see the module comment), or undefined when the wrapper itself is fine. */
export function checkWrapper(j: JSCodeshift, root: Collection, d: Delegation, source: string, isTsx: boolean): Refusal | undefined {
  const fn: AnyNode = d.fn.node;
  if (fn.generator) return { code: 'AM508', message: `it is an async generator: it returns an async iterator, not a promise` };
  const member = getMemberOfClass(d.fn);
  const decorated = (fn.decorators?.length ?? 0) > 0 || (member?.member.decorators?.length ?? 0) > 0 || ((member?.classPath.node as AnyNode)?.decorators?.length ?? 0) > 0;
  if (decorated) return { code: 'AM511', message: `it or its class is decorated; a decorator may wrap or inspect the async function` };
  if (member) {
    const family = findClassFamily(j, root, member.classPath);
    if (family) return { code: 'AM509', message: `it belongs to a method family (${family}); its members should stay consistent` };
  }
  if (d.shape === 'try') return { code: 'AM506', message: `it awaits inside try: without the await, the try would no longer see the rejection` };
  if (d.shape === 'using') return { code: 'AM507', message: `it returns after a \`using\` declaration: without the await, the resource would be disposed before the call settles` };
  const usesArguments = j(d.fn).find(j.Identifier, { name: 'arguments' }).some((p: ASTPath) => isBindingOrReference(p));
  if (usesArguments) return { code: 'AM504', message: 'it uses `arguments`' };
  for (const param of fn.params as AnyNode[]) {
    const risk = findParameterRisk(param);
    if (risk) return { code: 'AM505', message: `${risk}; an async function turns that into a rejection, a plain one throws` };
  }
  const layout = findLayoutRisk(d, source, isTsx);
  if (layout) return { code: 'AM513', message: layout };
  return undefined;
}
