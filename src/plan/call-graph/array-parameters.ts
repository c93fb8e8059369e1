/**
 * In JavaScript parameters are untyped: `function sizesOf(files) { return files.map(cb); }` has a
 * receiver of type `any`, which the restructuring refuses (AM320). A parameter is an array when every
 * call of its function in the project passes an array-typed argument for it (`sizesOf(names.map(…))`)
 * — known only once the pass has seen every call, so such callbacks are decided after it. Only while
 * the function cannot have calls out of sight: not exported, not used as a value, alone in its family,
 * the parameter never reassigned; calls through `.call`/`.apply` or with a spread before the argument
 * count as unknown. (A JSDoc `@param {T[]}` type needs none of this: the checker reads it.)
 */
import { ts } from 'ts-morph';
import { restructurableArrayCall } from '../restructure';
import { outerParent, skipOuter } from '../syntax';
import { addRestructuredCallbackSite } from './call-sites';
import type { BuildContext, Scope } from './context';
import type { FnNode, ValueUse } from './types';
import { familyOf } from './union-find';

/**
 * The kinds decided after the pass: those whose callback body stays a function, forEach's loop (its
 * calls are awaited already, see classifyCallContext) and reduce's loop (its returned calls are made
 * awaited when it is decided).
 */
const DEFERRABLE = new Set(['for-of', 'promise-all', 'promise-all-flat', 'promise-all-then', 'reduce-loop']);

/** The receiver of the array call `node` is passed to, when it is an untyped parameter of a JavaScript function. */
function untypedParameterReceiver(ctx: BuildContext, node: ts.ArrowFunction | ts.FunctionExpression, sf: ts.SourceFile): { receiver: ts.Identifier; param: ts.ParameterDeclaration } | undefined {
  if (!/\.[cm]?jsx?$/.test(sf.fileName)) return undefined;
  const { parent } = outerParent(node);
  if (!parent || !ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return undefined;
  const receiver = parent.expression.expression;
  if (!ts.isIdentifier(receiver)) return undefined;
  const param = ctx.checker.getSymbolAtLocation(receiver)?.valueDeclaration;
  if (!param || !ts.isParameter(param) || !ts.isIdentifier(param.name) || param.dotDotDotToken || param.initializer) return undefined;
  return (ctx.checker.getTypeAtLocation(receiver).flags & ts.TypeFlags.Any) !== 0 ? { receiver, param } : undefined;
}

/**
 * During the pass: keep an AM320 callback whose receiver is an untyped JavaScript parameter for
 * {@link resolveArrayParameterCallbacks}. Returns whether it was kept (then its use is not pushed yet).
 */
export function deferArrayParameterCallback(ctx: BuildContext, fn: FnNode, node: ts.ArrowFunction | ts.FunctionExpression, use: ValueUse, scope: Scope, sf: ts.SourceFile): boolean {
  if (use.code !== 'AM320') return false;
  const found = untypedParameterReceiver(ctx, node, sf);
  if (!found) return false;
  ctx.deferredArrayCallbacks.push({ fn, node, use, param: found.param, scope, sf });
  return true;
}

/** Whether `name` is assigned anywhere in `body` (`files = …`, `files += …`, `files++`). */
function isReassigned(ctx: BuildContext, body: ts.Node, param: ts.ParameterDeclaration): boolean {
  const symbol = ctx.checker.getSymbolAtLocation(param.name);
  let assigned = false;
  const isParam = (e: ts.Node) => ts.isIdentifier(skipOuter(e)) && ctx.checker.getSymbolAtLocation(skipOuter(e)) === symbol;
  const scan = (n: ts.Node): void => {
    if (assigned) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isParam(n.left)) assigned = true;
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && isParam(n.operand)) assigned = true;
    else if ((ts.isArrayLiteralExpression(n) || ts.isObjectLiteralExpression(n)) && ts.isBinaryExpression(n.parent) && n.parent.left === n) assigned = true; // destructuring assignment: conservative
    ts.forEachChild(n, scan);
  };
  scan(body);
  return assigned;
}

/** Whether every call of the function owning `param` passes an array for it, and no call can be out of sight. */
function passesOnlyArrays(ctx: BuildContext, param: ts.ParameterDeclaration): boolean {
  const owner = ctx.byNode.get(param.parent);
  if (!owner || !owner.hasBody || owner.exported || owner.uses.length > 0 || owner.incoming.length === 0) return false;
  const family = familyOf(ctx.graph, owner.id);
  if (ctx.graph.fns.some((f) => f !== owner && familyOf(ctx.graph, f.id) === family)) return false;
  const fnNode = param.parent as ts.SignatureDeclaration;
  const index = fnNode.parameters.indexOf(param);
  if ((fnNode as ts.FunctionLikeDeclaration).body === undefined || isReassigned(ctx, (fnNode as ts.FunctionLikeDeclaration).body as ts.Node, param)) return false;
  return owner.incoming.every((site) => {
    if (!ts.isCallExpression(site.node) || site.restructure) return false;
    const callee = skipOuter(site.node.expression);
    if (ts.isPropertyAccessExpression(callee) && ['call', 'apply', 'bind'].includes(callee.name.text)) return false;
    const args = site.node.arguments;
    if (args.slice(0, index + 1).some(ts.isSpreadElement) || index >= args.length) return false;
    const type = ctx.checker.getTypeAtLocation(args[index]);
    return ctx.checker.isArrayType(type) || ctx.checker.isTupleType(type);
  });
}

/** After the pass: restructure the kept callbacks whose parameter is an array at every call; the others get their use (AM320). */
export function resolveArrayParameterCallbacks(ctx: BuildContext): void {
  for (const d of ctx.deferredArrayCallbacks) {
    const { parent } = outerParent(d.node);
    const receiver = parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) ? parent.expression.expression : undefined;
    const found = receiver && passesOnlyArrays(ctx, d.param) ? restructurableArrayCall(d.node, ctx.checker, { concurrency: ctx.options.concurrency, compilerOptions: ctx.program.getCompilerOptions(), arrayReceiver: receiver }) : undefined;
    if (found && 'kind' in found && DEFERRABLE.has(found.kind)) {
      addRestructuredCallbackSite(ctx, d.fn, found, d.scope, d.sf);
      // A reduce callback's body becomes the loop's `total = …`: what it returned must now be awaited (see visitCall).
      if (found.kind === 'reduce-loop') for (const site of d.fn.outgoing) if (site.context === 'return') site.context = 'await';
    } else d.fn.uses.push(d.use);
  }
}
