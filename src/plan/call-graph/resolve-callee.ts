/**
 * Callee resolution, the one swappable part of the call graph (DESIGN.md, "Layering"): given the callee
 * of a call expression (`f`, `obj.f`, `obj['f']`, `f.call`), the project's function declarations it may
 * reach, as graph functions of the build. The builder asks only through {@link CalleeResolver}, so
 * another checker (TypeScript 7's API) can replace {@link createCheckerCalleeResolver}, the
 * implementation over the raw TypeScript checker (`getSymbolAtLocation`, aliases resolved with
 * `getAliasedSymbol`, apparent types for element access, CommonJS export tables where the checker
 * cannot follow a member).
 */
import { ts } from 'ts-morph';
import { skipOuter } from '../syntax';
import type { BuildContext } from './context';
import { commonJsModuleOf, fnsForModuleMember, fnsForObjectMembers, fnsForSymbol, objectLiteralBehind } from './declarations';
import type { FnNode } from './types';

/** Given a call's callee, the functions it may reach. Implementations read and fill the build's context (./context.ts). */
export interface CalleeResolver {
  /** The functions a call of `callee` may reach (names, `obj.f`, `obj['f']`, `f.call`/`f.apply`); `[]` when none is known. */
  resolveCallee(callee: ts.Expression): FnNode[];
  /** `obj[key]`: the functions the key's literal value (or union of literals) names; `computed` when its value is unknown. */
  resolveElementAccess(callee: ts.ElementAccessExpression): { fns: FnNode[]; computed: boolean };
  /** Whether `x.call` / `x.apply` is Function.prototype's method, so that `x.call(…)` is a call of `x`. */
  isCallOrApply(access: ts.PropertyAccessExpression): boolean;
}

/** Makes the resolver of one build (given the build's context, whose `resolver` it becomes). */
export type CalleeResolverFactory = (ctx: BuildContext) => CalleeResolver;

/** The resolver over the raw TypeScript checker of `ctx.checker`. Throws nothing; unknown callees resolve to `[]`. */
export function createCheckerCalleeResolver(ctx: BuildContext): CalleeResolver {
  return {
    resolveCallee: (callee) => resolveCallee(ctx, callee),
    resolveElementAccess: (callee) => resolveElementAccess(ctx, callee),
    isCallOrApply: (access) => isCallOrApply(ctx, access),
  };
}

/**
 * `obj.name` / `obj['name']` where the checker has no declaration for the property: what the
 * CommonJS export table of the module `obj` stands for holds (`Object.assign(module.exports, …)`),
 * else the member of the object literal `obj` was initialised with.
 */
function fnsForMemberOf(ctx: BuildContext, receiver: ts.Expression, name: string): FnNode[] {
  const viaModule = fnsForModuleMember(ctx, commonJsModuleOf(ctx, receiver), name);
  if (viaModule.length > 0) return viaModule;
  const obj = objectLiteralBehind(ctx, receiver);
  return obj ? fnsForObjectMembers(ctx, obj, name) : [];
}

/**
 * `obj['load']`, `this[name]` with `const name = 'load'` (a key of literal type, or a union of them:
 * every member it names). `computed` when the key's value is unknown (`this[op]` with `op: string`).
 */
function resolveElementAccess(ctx: BuildContext, callee: ts.ElementAccessExpression): { fns: FnNode[]; computed: boolean } {
  const key = skipOuter(callee.argumentExpression);
  const keys: string[] = [];
  const literal = ts.isStringLiteralLike(key) || ts.isNumericLiteral(key);
  if (literal) keys.push(key.text);
  else {
    const type = ctx.checker.getTypeAtLocation(key);
    for (const part of type.isUnion() ? type.types : [type]) {
      if (part.isStringLiteral()) keys.push(part.value);
      else if (part.isNumberLiteral()) keys.push(String(part.value));
      else return { fns: [], computed: true };
    }
  }
  const objectType = ctx.checker.getApparentType(ctx.checker.getTypeAtLocation(callee.expression));
  const fns = keys.flatMap((k) => {
    const prop = (literal ? ctx.checker.getSymbolAtLocation(key) : undefined) ?? objectType.getProperty(k);
    return prop?.declarations?.length ? fnsForSymbol(ctx, prop) : fnsForMemberOf(ctx, callee.expression, k);
  });
  return { fns, computed: false };
}

/**
 * Resolve a callee expression to graph functions (the one place the checker resolves calls):
 * names, `obj.f`, `obj['f']`; CommonJS members the checker cannot follow through the module's
 * export table.
 */
function resolveCallee(ctx: BuildContext, callee: ts.Expression): FnNode[] {
  if (ts.isElementAccessExpression(callee)) return resolveElementAccess(ctx, callee).fns;
  const target = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (!target) return [];
  const symbol = ctx.checker.getSymbolAtLocation(target);
  // `f.call(this, x)`, `Base.prototype.m.apply(this, args)`: a call of f (Function.prototype's method, from the lib).
  if (ts.isPropertyAccessExpression(callee) && isCallOrApply(ctx, callee)) {
    const inner = resolveCallee(ctx, skipOuter(callee.expression) as ts.Expression);
    if (inner.length > 0 || symbol) return inner;
  }
  if (ts.isPropertyAccessExpression(callee) && !symbol?.declarations?.length) return fnsForMemberOf(ctx, callee.expression, callee.name.text);
  return fnsForSymbol(ctx, symbol);
}

/**
 * `x.call` / `x.apply` where the checker resolves the name to the lib's Function method, or has no
 * symbol for it (`Base.prototype.m.call(this)` in JavaScript, where `m`'s type is not inferred).
 */
function isCallOrApply(ctx: BuildContext, access: ts.PropertyAccessExpression): boolean {
  if (access.name.text !== 'call' && access.name.text !== 'apply') return false;
  const decls = ctx.checker.getSymbolAtLocation(access.name)?.declarations ?? [];
  return decls.every((d) => d.getSourceFile().isDeclarationFile && !ctx.options.projectFiles.has(d.getSourceFile().fileName));
}
