/**
 * Expressions as layout documents (./doc.ts), for the node kinds a migration creates or reshapes:
 * calls and their arguments, member chains, `await`, `!`, arrow functions. Every other node is kept
 * as written (`verbatim`: its source text, later lines re-indented with it). The rules follow
 * Prettier's documented output (its rationale.md and tests, e.g. "last argument expansion", member
 * chains broken at `.` when they have more than two call groups and one of them breaks, `(\n await
 * x\n).y`) so that a changed line reads as Prettier prints it:
 * - call arguments: flat; else the last argument hugged when it is a function, an object or an array
 *   (and the one before it is not of the same kind); else one argument per line, with a trailing comma
 *   when the file writes them (`trailingCommas`);
 * - a member chain: its head (an identifier, `this`, a call, a parenthesised `await`), then groups of
 *   `.name` and calls; up to 2 groups (3 when the head is a factory such as `Promise`, a capitalised
 *   name, or `this`) stay on one line; longer chains break before each `.` when a group that is not
 *   the last must break, or when more than two calls have a function argument;
 * - an `await` that is the object of a member or call: `(await x).y`, broken as `(\n  await x\n).y`;
 * - an arrow function: its block, object or array body on the same line; an expression body moves to
 *   the next line, indented, when it does not fit.
 */
import { breakParent, conditionalGroup, group, hardline, ifBreak, indent, line, softline, verbatim, type Doc } from './doc';

/** A babel AST node (the fields used here). */
export interface Node {
  type: string;
  start: number;
  end: number;
  extra?: { parenthesized?: boolean; parenStart?: number };
  [key: string]: unknown;
}

/** What printing needs besides the node. */
export interface PrintContext {
  source: string;
  /** Write a trailing comma after the last of arguments broken one per line (Prettier's `trailingComma: all`). */
  trailingCommas: boolean;
  /** Columns one indentation level takes (Prettier's `tabWidth`, for "short" names). */
  tabWidth: number;
  /** `{ a }` rather than `{a}` (Prettier's `bracketSpacing`). */
  bracketSpacing: boolean;
  /** Write a trailing comma after the last property of an object broken over lines (`trailingComma: es5` or `all`). */
  trailingCommasInObjects: boolean;
  /** [start, end) offsets of the template literals that span lines. */
  multiLineTemplates: ReadonlyArray<readonly [number, number]>;
}

/** Raised when a construct cannot be laid out safely; the caller keeps the text as it is. */
export class CannotLayout extends Error {}

const child = (node: Node, key: string): Node => node[key] as Node;
const isCall = (node: Node): boolean => node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
const isMember = (node: Node): boolean => node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression';
const isFunction = (node: Node): boolean => node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
const parenthesized = (node: Node): boolean => node.extra?.parenthesized === true;

/** The indentation of the line `offset` lies on. */
export function lineIndentAt(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[\t ]*/.exec(source.slice(start))?.[0] ?? '';
}

/** `node` as written; a multi-line text is refused when it holds a template literal over several lines (re-indenting would change its value). */
export function printVerbatim(node: Node, ctx: PrintContext): Doc {
  const text = ctx.source.slice(node.start, node.end);
  if (text.includes('\n') && ctx.multiLineTemplates.some(([start, end]) => start < node.end && end > node.start)) throw new CannotLayout('a template literal over several lines would be re-indented');
  return verbatim(text, lineIndentAt(ctx.source, node.start));
}

/** Does `doc` contain a forced break (a hard line or a group marked broken)? */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  switch (doc.kind) {
    case 'break-parent':
    case 'verbatim':
      return true;
    case 'group':
      return doc.broken || willBreak(doc.contents);
    case 'indent':
    case 'indent-if-break':
      return willBreak(doc.contents);
    case 'if-break':
      return willBreak(doc.broken);
    default:
      return false;
  }
}

/** Options of {@link printExpression}. */
interface Where {
  /** The node is the object of a member expression or the callee of a call. */
  head?: boolean;
  /** The node is the last argument of a call, printed hugged. */
  expandLastArg?: boolean;
  /** The node is the expression of an expression statement. */
  statement?: boolean;
  /** An `await` encloses the node (within the same function). */
  inAwait?: boolean;
}

/** `node` as a layout document (see the module comment). */
export function printExpression(node: Node, ctx: PrintContext, where: Where = {}): Doc {
  const doc = printBare(node, ctx, where);
  if (!parenthesized(node) || (node.type === 'AwaitExpression' && where.head)) return doc;
  return ['(', doc, ')'];
}

function printBare(node: Node, ctx: PrintContext, where: Where): Doc {
  switch (node.type) {
    case 'CallExpression':
    case 'MemberExpression':
      return printMemberChain(node, ctx, where);
    case 'AwaitExpression': {
      const argument = printExpression(child(node, 'argument'), ctx, { inAwait: true });
      if (where.head && parenthesized(node) && !where.inAwait) return ['(', group([indent([softline, 'await ', argument]), softline]), ')'];
      return ['await ', argument];
    }
    case 'UnaryExpression':
      if (node.operator !== '!' && node.operator !== '-' && node.operator !== 'typeof') return printVerbatim(node, ctx);
      return [node.operator === 'typeof' ? 'typeof ' : (node.operator as string), printExpression(child(node, 'argument'), ctx, { inAwait: where.inAwait })];
    case 'SpreadElement':
      return ['...', printExpression(child(node, 'argument'), ctx)];
    case 'ArrowFunctionExpression':
      return printArrow(node, ctx, where);
    case 'ObjectExpression':
      return printObject(node, ctx);
    default:
      return printVerbatim(node, ctx);
  }
}

/** A link of a member chain: the head, a `.name`/`[x]` access, or a call's arguments. */
interface Link {
  node: Node;
  doc: Doc;
  kind: 'head' | 'member' | 'call';
}

/** The links of the chain `node` ends, from its head. */
function chainLinks(node: Node, ctx: PrintContext, where: Where): Link[] {
  const links: Link[] = [];
  let current = node;
  for (;;) {
    if (current !== node && parenthesized(current)) break;
    if (isCall(current)) {
      if (current.typeArguments || current.typeParameters) throw new CannotLayout('call with type arguments');
      links.unshift({ node: current, doc: printArguments(current, ctx), kind: 'call' });
      current = child(current, 'callee');
    } else if (isMember(current)) {
      const property = child(current, 'property');
      const optional = current.optional === true ? '?.' : '';
      const doc: Doc = current.computed ? [optional, '[', printExpression(property, ctx), ']'] : [optional || '.', printVerbatim(property, ctx)];
      links.unshift({ node: current, doc, kind: 'member' });
      current = child(current, 'object');
    } else break;
  }
  links.unshift({ node: current, doc: printExpression(current, ctx, { head: links.length > 0, inAwait: where.inAwait }), kind: 'head' });
  return links;
}

const isFactory = (name: string): boolean => /^[A-Z]|^[$_]+$/.test(name);

/** A member chain (or a lone call or member): see the module comment. */
function printMemberChain(node: Node, ctx: PrintContext, where: Where): Doc {
  const links = chainLinks(node, ctx, where);
  // the first group: the head, the calls right after it, and (unless the head is a call) the
  // member accesses followed by more member accesses
  let i = 1;
  while (i < links.length && (links[i].kind === 'call' || (links[i].kind === 'member' && links[i].node.computed === true && isLiteralKey(links[i].node)))) i++;
  if (!isCall(links[0].node)) while (i + 1 < links.length && links[i].kind === 'member' && links[i + 1].kind === 'member') i++;
  const groups: Link[][] = [links.slice(0, i)];
  let currentGroup: Link[] = [];
  let sawCall = false;
  for (; i < links.length; i++) {
    // `[0]` after a call stays in its group
    if (sawCall && links[i].kind === 'member' && !(links[i].node.computed === true && isLiteralKey(links[i].node))) {
      groups.push(currentGroup);
      currentGroup = [];
      sawCall = false;
    }
    if (links[i].kind === 'call') sawCall = true;
    currentGroup.push(links[i]);
  }
  if (currentGroup.length > 0) groups.push(currentGroup);
  const printGroup = (g: Link[]): Doc => g.map((l) => l.doc);
  const printed = groups.map(printGroup);
  const oneLine = printed;
  const shouldMerge = groups.length >= 2 && groups[1].length > 0 && shouldNotWrap(groups, ctx, where);
  const cutoff = shouldMerge ? 3 : 2;
  if (groups.length <= cutoff) return group(oneLine);
  const rest = groups.slice(shouldMerge ? 2 : 1);
  const expanded: Doc = [printed[0], shouldMerge ? printed[1] : '', indent(group([hardline, ...rest.flatMap((g, k) => (k === 0 ? [printGroup(g)] : [hardline, printGroup(g)]))]))];
  const calls = links.filter((l) => l.kind === 'call').map((l) => l.node);
  const complexCalls = calls.length > 2 && calls.some((call) => !(call.arguments as Node[]).every((a) => isSimpleArgument(a, 0)));
  if (complexCalls || printed.slice(0, -1).some(willBreak)) return group(expanded);
  return [willBreak(oneLine) ? breakParent : '', conditionalGroup([oneLine, expanded])];
}

const isLiteralKey = (member: Node): boolean => /Literal$/.test(child(member, 'property').type);

/** Does the chain's first group stay joined to the second (a factory, `this`, a short name in a statement)? */
function shouldNotWrap(groups: Link[][], ctx: PrintContext, where: Where): boolean {
  const first = groups[0];
  if (first.length === 1) {
    const head = first[0].node;
    if (head.type === 'ThisExpression') return true;
    if (head.type !== 'Identifier') return false;
    const name = head.name as string;
    return isFactory(name) || (where.statement === true && name.length <= ctx.tabWidth);
  }
  const last = first[first.length - 1].node;
  return isMember(last) && child(last, 'property').type === 'Identifier' && isFactory(child(last, 'property').name as string);
}

/** Prettier's notion of a simple call argument (literals, names, short member chains, functions with a block body). */
function isSimpleArgument(node: Node, depth: number): boolean {
  if (/Literal$/.test(node.type) && node.type !== 'TemplateLiteral') return true;
  if (node.type === 'TemplateLiteral') return (node.expressions as Node[]).length === 0;
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if (node.type === 'ObjectExpression') return (node.properties as Node[]).every((p) => p.type === 'ObjectProperty' && !p.computed && isSimpleArgument(child(p, 'value'), depth));
  if (node.type === 'ArrayExpression') return (node.elements as Array<Node | null>).every((e) => e === null || isSimpleArgument(e, depth));
  if (isFunction(node)) return child(node, 'body').type === 'BlockStatement' || isSimpleArgument(child(node, 'body'), depth);
  if (node.type === 'UnaryExpression') return isSimpleArgument(child(node, 'argument'), depth);
  if (isMember(node)) return isSimpleArgument(child(node, 'object'), depth);
  if (isCall(node)) return depth < 2 && isSimpleArgument(child(node, 'callee'), depth) && (node.arguments as Node[]).every((a) => isSimpleArgument(a, depth + 1));
  return false;
}

/** Can `node`, the last argument, be hugged (kept on the call's line, broken inside)? */
function couldExpand(node: Node): boolean {
  if (node.type === 'ObjectExpression') return (node.properties as Node[]).length > 0;
  if (node.type === 'ArrayExpression') return (node.elements as Node[]).length > 0;
  if (node.type === 'FunctionExpression') return true;
  if (node.type !== 'ArrowFunctionExpression') return false;
  const body = child(node, 'body');
  return ['BlockStatement', 'ArrowFunctionExpression', 'ObjectExpression', 'ArrayExpression', 'CallExpression', 'OptionalCallExpression', 'ConditionalExpression'].includes(body.type) || (body.type === 'AwaitExpression' && isCall(child(body, 'argument')));
}

/** A call's arguments, `(…)` (see the module comment). */
function printArguments(call: Node, ctx: PrintContext): Doc {
  const args = call.arguments as Node[];
  if (args.length === 0) return '()';
  const printed = args.map((a) => printExpression(a, ctx));
  const comma = ctx.trailingCommas ? ifBreak(',') : '';
  const allBroken = (): Doc => group(['(', indent([line, ...printed.flatMap((d, k) => (k === 0 ? [d] : [',', line, d]))]), comma, softline, ')'], { shouldBreak: true });
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  const groupLast = couldExpand(last) && (!penultimate || penultimate.type !== last.type) && !args.slice(0, -1).some(couldExpand);
  // "function composition": two functions among the arguments, or an argument that is a call taking one
  if (args.length > 1 && (args.filter(isFunction).length > 1 || args.some((a) => isCall(a) && (a.arguments as Node[]).some(isFunction)))) return allBroken();
  if (!groupLast) {
    return group(['(', indent([softline, ...printed.flatMap((d, k) => (k === 0 ? [d] : [',', line, d]))]), comma, softline, ')']);
  }
  if (printed.slice(0, -1).some(willBreak)) return allBroken();
  const expandedLast = printExpression(last, ctx, { expandLastArg: true });
  const head = printed.slice(0, -1).flatMap((d) => [d, ', ']);
  return [
    printed.some(willBreak) ? breakParent : '',
    conditionalGroup([['(', ...head, expandedLast, ')'], ['(', ...head, group(expandedLast, { shouldBreak: true }), ')'], allBroken()]),
  ];
}

/** An arrow function: `async (a, b) => body`. */
function printArrow(node: Node, ctx: PrintContext, where: Where): Doc {
  if (node.typeParameters || node.predicate) throw new CannotLayout('arrow function with type parameters');
  const params = node.params as Node[];
  const returnType = node.returnType as Node | undefined;
  const signature: Doc = [
    node.async === true ? 'async ' : '',
    printParams(params, ctx, where.expandLastArg === true),
    returnType ? printVerbatim(returnType, ctx) : '',
    ' =>',
  ];
  const source = ctx.source.slice(node.start, child(node, 'body').start);
  if (!/^(async\s+)?\(/.test(source)) throw new CannotLayout('arrow parameters without parentheses');
  const body = child(node, 'body');
  if (['BlockStatement', 'ObjectExpression', 'ArrayExpression', 'TemplateLiteral'].includes(body.type) || (parenthesized(body) && body.type === 'ObjectExpression')) {
    return group([...signature, ' ', printExpression(body, ctx)]);
  }
  if (body.type === 'ConditionalExpression' || body.type === 'SequenceExpression' || body.type === 'ArrowFunctionExpression') throw new CannotLayout('arrow body needs its own rules');
  const trailing = where.expandLastArg ? [ifBreak(ctx.trailingCommas ? ',' : ''), softline] : '';
  return group([...signature, group([indent([line, printExpression(body, ctx)]), trailing])]);
}

/** `(a, b)`: flat when hugged as a last argument (Prettier prints those without line breaks), else broken one per line when too long. */
function printParams(params: Node[], ctx: PrintContext, flat: boolean): Doc {
  if (flat || params.length === 0) return ['(', ...params.flatMap((p, k) => (k === 0 ? [printVerbatim(p, ctx)] : [', ', printVerbatim(p, ctx)])), ')'];
  if (params.length === 1 && /Pattern$/.test(params[0].type)) throw new CannotLayout('a destructured parameter Prettier hugs');
  const list = params.flatMap((p, k) => (k === 0 ? [printVerbatim(p, ctx)] : [',', line, printVerbatim(p, ctx)]));
  return group(['(', indent([softline, ...list]), ctx.trailingCommas ? ifBreak(',') : '', softline, ')']);
}

/**
 * An object literal: `{ a: 1, b }` on one line when it fits, else one property per line; kept broken
 * when its text has a line break right after `{` (Prettier keeps such objects expanded). Objects with
 * methods, getters or comments are kept as written.
 */
function printObject(node: Node, ctx: PrintContext): Doc {
  const properties = node.properties as Node[];
  if (properties.length === 0 || properties.some((p) => p.type !== 'ObjectProperty' && p.type !== 'SpreadElement')) return printVerbatim(node, ctx);
  const printed = properties.map((p): Doc => {
    if (p.type === 'SpreadElement') return ['...', printExpression(child(p, 'argument'), ctx)];
    if (p.shorthand === true) return printVerbatim(p, ctx);
    const key = child(p, 'key');
    const keyText = ctx.source.slice(p.start, child(p, 'value').start);
    if (!/^\[?[^\n]*:\s*$/.test(keyText) || key.end > child(p, 'value').start) return printVerbatim(p, ctx);
    return [keyText.replace(/:\s*$/, ': '), printExpression(child(p, 'value'), ctx)];
  });
  const expanded = /^\{[ \t]*\r?\n/.test(ctx.source.slice(node.start, node.end));
  const space = ctx.bracketSpacing ? line : softline;
  return group(['{', indent([space, ...printed.flatMap((d, k) => (k === 0 ? [d] : [',', line, d]))]), ctx.trailingCommasInObjects ? ifBreak(',') : '', space, '}'], { shouldBreak: expanded });
}
