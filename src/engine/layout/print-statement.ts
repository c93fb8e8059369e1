/**
 * Statements whose line a migration made too long, as layout documents: the whole statement for an
 * expression statement, a `return` and a variable declaration (Prettier's "fluid" assignment: the
 * value stays after `=` while its first line fits); only the head for an `if` (`if (\n  test\n) {`)
 * and a function declaration (its parameters one per line), whose body lines stay as they are.
 */
import { group, ifBreak, indent, indentIfBreak, line, softline, type Doc } from './doc';
import { CannotLayout, printExpression, printVerbatim, type Node, type PrintContext } from './print-expression';

/** A printable part of the text: replace [start, end) with `doc` laid out from `start`'s column. */
export interface Replacement {
  start: number;
  end: number;
  doc: Doc;
}

const child = (node: Node, key: string): Node => node[key] as Node;

/** The end of the line `offset` lies on (before its line break). */
const lineEndAt = (source: string, offset: number): number => {
  const end = source.indexOf('\n', offset);
  return (end < 0 ? source.length : end) - (source[end - 1] === '\r' ? 1 : 0);
};

/** `;` when the statement's text ends with one. */
const semicolonOf = (node: Node, ctx: PrintContext): string => (ctx.source.slice(node.start, node.end).trimEnd().endsWith(';') ? ';' : '');

/** The part of `statement` to lay out again (see the module comment). @throws CannotLayout for other statements */
export function statementReplacement(statement: Node, ctx: PrintContext): Replacement {
  switch (statement.type) {
    case 'ExpressionStatement':
      return whole(statement, [printExpression(child(statement, 'expression'), ctx, { statement: true }), semicolonOf(statement, ctx)]);
    case 'ReturnStatement': {
      const argument = statement.argument as Node | null;
      if (!argument || /Binary|Logical|Sequence|JSX|Conditional/.test(argument.type)) throw new CannotLayout('return value with its own rules');
      return whole(statement, ['return ', printExpression(argument, ctx), semicolonOf(statement, ctx)]);
    }
    case 'VariableDeclaration':
      return whole(statement, printDeclaration(statement, ctx));
    case 'ExportNamedDeclaration': {
      const declaration = statement.declaration as Node | null;
      if (!declaration) throw new CannotLayout('export list');
      const inner = statementReplacement(declaration, ctx);
      if (inner.start !== declaration.start) throw new CannotLayout('export of a partly printed declaration');
      return { start: statement.start, end: inner.end, doc: [ctx.source.slice(statement.start, declaration.start), inner.doc] };
    }
    case 'IfStatement':
      return ifHead(statement, ctx);
    case 'FunctionDeclaration':
      return functionHead(statement, ctx);
    default:
      throw new CannotLayout(`no layout for ${statement.type}`);
  }
}

const whole = (statement: Node, doc: Doc): Replacement => ({ start: statement.start, end: statement.end, doc });

/** `const x = value;` with one declarator. */
function printDeclaration(statement: Node, ctx: PrintContext): Doc {
  const declarations = statement.declarations as Node[];
  if (declarations.length !== 1 || statement.declare === true) throw new CannotLayout('several declarators');
  const declarator = declarations[0];
  const init = declarator.init as Node | null;
  if (!init) throw new CannotLayout('no initializer');
  const left: Doc = [`${statement.kind as string} `, printVerbatim(child(declarator, 'id'), ctx), ' ='];
  const semicolon = semicolonOf(statement, ctx);
  if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return [left, ' ', printExpression(init, ctx), semicolon];
  if (!/^(Await|Call|Member|OptionalCall|OptionalMember)Expression$/.test(init.type)) throw new CannotLayout('initializer with its own rules');
  const id = Symbol('assignment');
  return group([left, group(indent(line), { id }), indentIfBreak(printExpression(init, ctx), id), semicolon]);
}

/** `if (test) {` broken as `if (\n  test\n) {`; the rest of the statement is kept. */
function ifHead(statement: Node, ctx: PrintContext): Replacement {
  const test = child(statement, 'test');
  const close = ctx.source.slice(test.end).search(/\S/) + test.end;
  if (ctx.source[close] !== ')') throw new CannotLayout('comment after the condition');
  const end = lineEndAt(ctx.source, close);
  const tail = ctx.source.slice(close + 1, end);
  if (!/^\s*\{\s*$/.test(tail)) throw new CannotLayout('if without a block on the same line');
  return { start: statement.start, end, doc: ['if (', group([indent([softline, printCondition(test, ctx)]), softline]), ')', tail.trimEnd()] };
}

/**
 * An `if` condition: a chain of one logical operator (`a || b || c`) breaks before each operand
 * after the first, the operator ending the line before (Prettier's layout inside parentheses);
 * anything else is an expression.
 */
function printCondition(test: Node, ctx: PrintContext): Doc {
  if (test.type !== 'LogicalExpression' || test.extra?.parenthesized === true) return printExpression(test, ctx);
  const operator = test.operator as string;
  const operands: Node[] = [];
  let current = test;
  while (current.type === 'LogicalExpression' && current.operator === operator && current.extra?.parenthesized !== true) {
    operands.unshift(child(current, 'right'));
    current = child(current, 'left');
  }
  operands.unshift(current);
  if (operands.some((o) => (o.type === 'LogicalExpression' || o.type === 'BinaryExpression') && o.extra?.parenthesized !== true)) throw new CannotLayout('mixed operators');
  return operands.map((o, k) => (k === 0 ? printExpression(o, ctx) : [` ${operator}`, line, printExpression(o, ctx)]));
}

/** A function declaration's parameters one per line when its first line is too long; the rest is kept. */
function functionHead(statement: Node, ctx: PrintContext): Replacement {
  const params = statement.params as Node[];
  if (params.length === 0 || params.some((p) => p.type === 'ObjectPattern' || p.type === 'ArrayPattern')) throw new CannotLayout('parameters Prettier hugs');
  const body = child(statement, 'body');
  const open = ctx.source.lastIndexOf('(', params[0].start);
  const returnType = statement.returnType as Node | undefined;
  const close = ctx.source.indexOf(')', params[params.length - 1].end);
  if (open < statement.start || close < 0 || (returnType && returnType.start < close) || ctx.source.slice(open + 1, params[0].start).trim() !== '') throw new CannotLayout('unusual parameter list');
  const end = lineEndAt(ctx.source, body.start);
  const tail = ctx.source.slice(close + 1, end);
  if (tail.includes('\n') || !tail.trimEnd().endsWith('{')) throw new CannotLayout('body not on the signature line');
  const comma = ctx.trailingCommas ? ifBreak(',') : '';
  const list = params.flatMap((p, k) => (k === 0 ? [printVerbatim(p, ctx)] : [',', line, printVerbatim(p, ctx)]));
  return { start: statement.start, end, doc: [ctx.source.slice(statement.start, open), group(['(', indent([softline, ...list]), comma, softline, ')']), tail.trimEnd()] };
}
