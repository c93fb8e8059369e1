/**
 * The project call graph (see ./build.ts): one pass over the project's sources with the TypeScript
 * checker; functions, call sites, value uses, seeds and method families. Callee resolution is the
 * swappable interface in ./resolve-callee.ts.
 */
export { buildCallGraph } from './build';
export { createCheckerCalleeResolver, type CalleeResolver, type CalleeResolverFactory } from './resolve-callee';
export type { BuildContext } from './context';
export { familyOf } from './union-find';
export type { BlockedContext, CallContext, CallGraph, CallGraphOptions, CallSite, FnNode, RestructureKind, Seed, SiteLocation, ValueUse } from './types';
