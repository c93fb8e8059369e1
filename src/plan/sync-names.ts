/**
 * Deliberately synchronous APIs (issue 11, item 6): a function, method, class or interface whose own
 * name ends in `Sync` (or `sync`: `copySync`, `FileStoreSync`, `fsync`; not `…Async`) is synchronous
 * on purpose. Its family stays sync (AM332) — and, poison flowing down, what it calls — unless a
 * member of the family is named with `--seed`.
 *
 * "Own name": a declaration's name; an arrow or function expression takes the name of the variable,
 * property or class field it initialises, or of the property it is assigned to (`File.prototype.saveSync
 * = function …`, `exports.readSync = …`); a method also counts as named `…Sync` when its class (or
 * interface, or type alias of an object type, or the constructor of `X.prototype.m = …`) is.
 */
import { ts } from 'ts-morph';
import { familyOf, type CallGraph, type FnNode } from './call-graph';
import type { PinCause } from './close-over-callers';
import { siteLocation } from './syntax';

/** `…Sync`/`…sync`/`…SYNC`, but not `…Async`. */
export const isSyncName = (name: string | undefined): boolean => name !== undefined && /(?:^|[^aA])(?:Sync|sync|SYNC)$/.test(name);

const nameText = (name: ts.Node | undefined): string | undefined => (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined);

/** The name a function node is declared under, if any. */
function ownName(node: ts.Node): string | undefined {
  const named = nameText((node as { name?: ts.Node }).name);
  if (named) return named;
  let outer = node;
  while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return nameText(parent.name);
  const target = assignedTo(outer);
  if (target && ts.isPropertyAccessExpression(target)) return target.name.text;
  if (target && ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)) return target.argumentExpression.text;
  return undefined;
}

/** `X.prototype.m = function …` / `exports.m = …`: the left side `node` is assigned to, if any. */
function assignedTo(node: ts.Node): ts.Expression | undefined {
  const parent = node.parent;
  if (!parent || !ts.isBinaryExpression(parent) || parent.right !== node || parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  let left = parent.left;
  while (ts.isParenthesizedExpression(left)) left = left.expression;
  return left;
}

/** The class, interface or type alias a member belongs to, with its name. */
function containerName(node: ts.Node): string | undefined {
  // `FileSync.prototype.read = function …`: the constructor function is the container.
  let outer = node;
  while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const target = assignedTo(outer);
  if (target && (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target))) {
    const owner = target.expression;
    if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'prototype' && ts.isIdentifier(owner.expression)) return owner.expression.text;
    return undefined;
  }
  const member = node.parent && ts.isPropertyDeclaration(node.parent) ? node.parent : node;
  const container = member.parent;
  if (!container) return undefined;
  if (ts.isClassLike(container) || ts.isInterfaceDeclaration(container)) return nameText(container.name);
  if (ts.isTypeLiteralNode(container) && ts.isTypeAliasDeclaration(container.parent)) return container.parent.name.text;
  return undefined;
}

/** Why `fn` is synchronous on purpose (`named copySync`, `a member of FileStoreSync`), or undefined. */
export function syncByName(fn: FnNode): string | undefined {
  const own = ownName(fn.node);
  if (isSyncName(own)) return `named ${own}`;
  const container = containerName(fn.node);
  if (isSyncName(container)) return `a member of ${container}`;
  return undefined;
}

/** Array methods that call their callback before they return: the callback runs inside the caller. */
const SYNC_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'sort']);

/**
 * The function `fn` is an inline callback of, when that callback runs inside it (an array method's
 * callback, `files.map(function (f) { … })`): `loadFilesSync` for the callback in
 * `common.loadFilesSync = function (files) { return files.map(function (f) { … readFileSync … }); }`.
 */
function enclosingForCallback(fn: FnNode, byNode: ReadonlyMap<ts.Node, FnNode>): FnNode | undefined {
  let node: ts.Node = fn.node;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !SYNC_CALLBACK_METHODS.has(callee.name.text)) return undefined;
  for (let p: ts.Node | undefined = call.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) return byNode.get(p);
  }
  return undefined;
}

/**
 * Pins (AM332) for the families with a member named `…Sync`, except families with a member named by
 * `--seed` (those seeds are in the graph already, kind `user`); and for the array-method callbacks
 * that run inside such a function (their sync fs calls stay for the same reason, which is the one a
 * reviewer should read, not "would need restructuring").
 */
export function syncNamePins(graph: CallGraph): { fn: FnNode; cause: PinCause }[] {
  const seeded = new Set(graph.fns.filter((fn) => fn.seeds.some((s) => s.kind === 'user')).map((fn) => familyOf(graph, fn.id)));
  const pins: { fn: FnNode; cause: PinCause }[] = [];
  for (const fn of graph.fns) {
    if (fn.isAsync || !fn.editable || seeded.has(familyOf(graph, fn.id))) continue;
    const why = syncByName(fn);
    if (why) pins.push({ fn, cause: { code: 'AM332', text: `${fn.name} is synchronous on purpose (${why})`, loc: siteLocation(fn.node) } });
  }
  const byNode = new Map<ts.Node, FnNode>(graph.fns.map((fn) => [fn.node, fn]));
  const named = new Set(pins.map((p) => p.fn));
  for (const fn of graph.fns) {
    if (fn.isAsync || !fn.editable || named.has(fn) || seeded.has(familyOf(graph, fn.id))) continue;
    // The nearest enclosing function decides: a callback of a callback inside copySync counts too.
    let outer = enclosingForCallback(fn, byNode);
    while (outer && !named.has(outer) && !syncByName(outer)) outer = enclosingForCallback(outer, byNode);
    if (!outer || outer.isAsync || seeded.has(familyOf(graph, outer.id))) continue;
    const why = syncByName(outer);
    if (why) pins.push({ fn, cause: { code: 'AM332', text: `${fn.name} runs inside ${outer.name}, which is synchronous on purpose (${why})`, loc: siteLocation(fn.node) } });
  }
  return pins;
}
