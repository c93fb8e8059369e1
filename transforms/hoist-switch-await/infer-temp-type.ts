/**
 * The TypeScript type of a temporary that holds one argument position across arms: the union of each
 * arm's argument type, where an argument's type is known only when it is honest without a checker —
 * - a literal: its literal type (`'utf8'`, `3`, `true`, `null`); `true | false` becomes `boolean`;
 * - `x as T` / `<T>x`: `T`;
 * - a name declared with an annotation (parameter or variable): that annotation, plus `| undefined`
 *   for an optional parameter — unless the type is a union (or `unknown`) and the enclosing function
 *   mentions the name anywhere else (it may be narrowed where it is passed, and the declared type
 *   would be too wide for the call); a `const` initialised with a literal: the literal type; a `let`/`var`
 *   initialised with a literal: the widened type (`string`, `number`, `boolean`);
 * - `undefined`: `undefined`; a member of an enum declared in the file (`Mode.Read`): the enum type;
 * - operators that fix the type: comparisons and `!` (boolean), `typeof`, template literals with
 *   substitutions and `+` with a string-literal operand (string).
 * Anything else is unknown, and the caller refuses the rewrite (AM420): a bare `let` would be an
 * implicit `any`, which `noImplicitAny` rejects.
 */
import type { ASTPath } from 'jscodeshift';
import { resolveLexical, type AnyNode } from '../lib/lexical-scope';
import { walkNodes } from '../lib/walk-nodes';
import type { HoistContext } from './context';

const WIDEN: Record<string, string> = { StringLiteral: 'string', NumericLiteral: 'number', BooleanLiteral: 'boolean', BigIntLiteral: 'bigint', TemplateLiteral: 'string' };

function literalType(node: AnyNode, ctx: HoistContext): string | undefined {
  switch (node?.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BigIntLiteral':
      return ctx.textOf(node);
    case 'BooleanLiteral':
      return node.value ? 'true' : 'false';
    case 'NullLiteral':
      return 'null';
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? ctx.textOf(node) : undefined;
    case 'UnaryExpression':
      return node.operator === '-' && (node.argument.type === 'NumericLiteral' || node.argument.type === 'BigIntLiteral') ? ctx.textOf(node) : undefined;
    default:
      return undefined;
  }
}

function annotationText(idOrPattern: AnyNode, ctx: HoistContext): string | undefined {
  const annotation = idOrPattern?.typeAnnotation;
  if (!annotation || annotation.type !== 'TSTypeAnnotation') return undefined;
  return ctx.textOf(annotation.typeAnnotation);
}

function declaredType(path: ASTPath, name: string, ctx: HoistContext): string | undefined {
  const declaration = resolveLexical(path, name);
  if (!declaration) return name === 'undefined' ? 'undefined' : undefined;
  if (declaration.kind === 'param') {
    const param = declaration.param.type === 'TSParameterProperty' ? declaration.param.parameter : declaration.param;
    if (param.type === 'Identifier' && param === declaration.id) {
      const text = annotationText(param, ctx);
      return text && param.optional ? `${text} | undefined` : text;
    }
    if (param.type === 'AssignmentPattern' && param.left === declaration.id) return annotationText(param.left, ctx);
    return undefined;
  }
  const declarator = declaration.declarator;
  if (!declarator || declarator.id !== declaration.id) return undefined;
  const text = annotationText(declarator.id, ctx);
  if (text) return text;
  const init = declarator.init;
  if (declaration.kind === 'const') return literalType(init, ctx);
  if ((declaration.kind === 'let' || declaration.kind === 'var') && init) {
    const lit = literalType(init, ctx);
    return lit === undefined ? undefined : lit === 'null' ? undefined : WIDEN[init.type === 'UnaryExpression' ? init.argument.type : init.type];
  }
  return undefined;
}

/** The type text of one argument expression, or undefined when it cannot be known honestly. */
function typeOfArgument(path: ASTPath, ctx: HoistContext, narrowing: NarrowingScope): string | undefined {
  const node = path.node as AnyNode;
  const lit = literalType(node, ctx);
  if (lit) return lit;
  if (node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion') {
    const t = node.typeAnnotation;
    if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && t.typeName.name === 'const') return literalType(node.expression, ctx);
    return ctx.textOf(t);
  }
  if (node.type === 'Identifier') {
    const declared = declaredType(path, node.name, ctx);
    // A union-typed (or unknown) name may be narrowed where it is passed (`else if (backup) … f(backup)`,
    // or a guard clause earlier in the function), and its declared type would then be too wide for the
    // call. Narrowing needs a mention of the name, so the declared type is used only when the function
    // mentions the name nowhere but in the arguments being moved.
    const mayBeNarrowed = declared !== undefined && (splitUnion(declared).length > 1 || declared === 'unknown');
    if (mayBeNarrowed && !isCreatedTemporary(path, node.name, ctx) && mentionsName(narrowing.scope, node.name, narrowing.except)) return undefined;
    return declared;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
    // `Mode.Read` where `Mode` is an enum of this file: the enum type
    const declaration = resolveLexical(path, node.object.name);
    return declaration?.kind === 'enum' ? node.object.name : undefined;
  }
  if (node.type === 'ConditionalExpression') {
    const yes = typeOfArgument(path.get('consequent') as ASTPath, ctx, narrowing);
    const no = typeOfArgument(path.get('alternate') as ASTPath, ctx, narrowing);
    return yes === undefined || no === undefined ? undefined : `${yes} | ${no}`;
  }
  if (node.type === 'ParenthesizedExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSSatisfiesExpression') {
    return node.type === 'TSNonNullExpression' ? undefined : typeOfArgument(path.get('expression') as ASTPath, ctx, narrowing);
  }
  return operatorType(node);
}

const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);
const isStringy = (n: AnyNode) => n?.type === 'StringLiteral' || n?.type === 'TemplateLiteral';

/** Types fixed by the operator alone: comparisons and `!` → boolean; `typeof`, templates and `+` with a string operand → string. */
function operatorType(node: AnyNode): string | undefined {
  if (node.type === 'TemplateLiteral') return 'string';
  if (node.type === 'UnaryExpression') return node.operator === '!' ? 'boolean' : node.operator === 'typeof' ? 'string' : undefined;
  if (node.type === 'BinaryExpression') {
    if (COMPARISONS.has(node.operator)) return 'boolean';
    if (node.operator === '+' && (isStringy(node.left) || isStringy(node.right))) return 'string';
  }
  return undefined;
}

/** Split a type text at its top-level `|` (outside brackets, parentheses, braces, angle brackets and strings). */
function splitUnion(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{<'.includes(ch)) depth++;
    else if (')]}'.includes(ch) || (ch === '>' && text[i - 1] !== '=')) depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  const nonEmpty = parts.filter((p) => p.length > 0);
  // a function type's own `|` (e.g. `() => a | b`) must not be split: keep such texts whole
  return nonEmpty.some((p) => p.includes('=>')) ? [text.trim()] : nonEmpty;
}

const needsParens = (t: string) => /=>|^\s*new\b|\bextends\b|^\s*(?:abstract\s+)?new\s*\(/.test(t);

/** A temporary an inner chain's rewrite declared: its type is exactly the union of what is assigned to it. */
function isCreatedTemporary(path: ASTPath, name: string, ctx: HoistContext): boolean {
  const declaration = resolveLexical(path, name);
  return declaration !== undefined && ctx.createdTemporaries.has(declaration.id);
}

/** Where a passed name could have been narrowed: the enclosing function's body, minus the arguments themselves. */
export interface NarrowingScope {
  scope: AnyNode;
  /** The argument nodes being typed (their own mentions do not narrow anything). */
  except: Set<AnyNode>;
}

/** True when an identifier named `name` occurs under `node`, outside the `except` subtrees. */
function mentionsName(node: AnyNode, name: string, except: Set<AnyNode>): boolean {
  let found = false;
  walkNodes(node, (n) => {
    if (found || except.has(n)) return false;
    if (n.type === 'Identifier' && n.name === name) found = true;
    return !found;
  });
  return found;
}

/**
 * The union type text for one argument position, from the argument paths of every arm; undefined
 * when one of them has no honest type. `narrowing` is where a passed name could have been narrowed.
 */
export function inferTempType(argPaths: ASTPath[], ctx: HoistContext, narrowing: NarrowingScope): string | undefined {
  const members: string[] = [];
  for (const p of argPaths) {
    const t = typeOfArgument(p, ctx, narrowing);
    if (t === undefined) return undefined;
    for (const m of splitUnion(t)) if (!members.includes(m)) members.push(m);
  }
  let result = members;
  if (result.includes('true') && result.includes('false')) result = result.filter((m) => m !== 'false').map((m) => (m === 'true' ? 'boolean' : m));
  if (result.includes('string')) result = result.filter((m) => !/^(['"`]).*\1$/s.test(m));
  if (result.includes('number')) result = result.filter((m) => !/^-?[\d.][\d._eExXa-fA-F]*$/.test(m));
  if (result.includes('boolean')) result = result.filter((m) => m !== 'true' && m !== 'false');
  return result.map((m) => (result.length > 1 && needsParens(m) ? `(${m})` : m)).join(' | ');
}
