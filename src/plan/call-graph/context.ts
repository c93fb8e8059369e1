/**
 * The builder context: the state one build of the call graph shares between its steps, passed
 * explicitly to each step as `ctx` (instead of the closure state of one long function).
 */
import type { ts } from 'ts-morph';
import type { CommonJsExportReader } from '../commonjs-exports';
import type { CalleeResolver } from './resolve-callee';
import type { BlockedContext, CallGraph, CallGraphOptions, FnNode, ValueUse } from './types';

/** What every step of one build reads and fills. Created by `buildCallGraph`; lives for one build. */
export interface BuildContext {
  /** The graph being filled. */
  readonly graph: CallGraph;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly options: CallGraphOptions;
  /** CommonJS export tables (`Object.assign(module.exports, …)` and the like), per file. */
  readonly commonJs: CommonJsExportReader;
  /** Callee resolution (the swappable part: ./resolve-callee.ts). */
  readonly resolver: CalleeResolver;
  /** The graph function of each function-like node. */
  readonly byNode: Map<ts.Node, FnNode>;
  /** The graph functions each symbol stands for (one family); `[]` while being computed (cycle guard). */
  readonly bySymbol: Map<ts.Symbol, FnNode[]>;
  /** The functions a CommonJS module exports under a name, keyed `file\0name` (cycle guard as above). */
  readonly moduleMembers: Map<string, FnNode[]>;
  /** Last segment of every named function's name: only identifiers with one of these names are resolved as values. */
  readonly boundNames: Set<string>;
  /** Callbacks whose concise body becomes a loop statement (`--concurrency=sequential`). */
  readonly inlinedBodies: Set<FnNode>;
  /** Identifiers in value position, resolved after the pass (./value-uses.ts). */
  readonly valueIdentifiers: { id: ts.Identifier; file: string }[];
  /** Array-method callbacks on untyped JavaScript parameters, decided after the pass (./array-parameters.ts). */
  readonly deferredArrayCallbacks: DeferredArrayCallback[];
  /** `fsModules` option (default none). */
  readonly fsModules: readonly string[];
  /** `blockingApis` option (default true). */
  readonly blockingApis: boolean;
  /** `allowCallbacks` option as a set. */
  readonly allowedReceivers: ReadonlySet<string>;
}

/** Where the walk is: the function calls are directly in, or the context that blocks `await`. */
export interface Scope {
  fn: FnNode | undefined;
  blocked: BlockedContext | undefined;
  /** Top-level `await` allowed (ES module). */
  esm: boolean;
}

/** An inline callback of `param.map(…)` (or another array method) whose receiver is an untyped JavaScript parameter. */
export interface DeferredArrayCallback {
  fn: FnNode;
  node: ts.ArrowFunction | ts.FunctionExpression;
  /** The use it gets when `param` is not known to be an array (AM320). */
  use: ValueUse;
  param: ts.ParameterDeclaration;
  scope: Scope;
  sf: ts.SourceFile;
}
