/**
 * The call graph the audit asks "is this synchronous function reachable from async code, and through
 * which chain?". Kept behind a small interface so the propagate-async analysis (src/project/, ts-morph,
 * callees resolved by the type checker) can answer instead of the audit's own syntactic graph
 * ({@link ./syntactic-call-graph}).
 */
import type { ChainStep } from './types';

/** A function node in the graph. */
export interface GraphFunction {
  /** Stable within one run: `<file>#<offset>`. */
  id: string;
  name: string;
  file: string;
  /** 1-based line of the function's start. */
  line: number;
  /** `async` function, or a callback of then/catch/finally: code here runs on an async path. */
  asyncRoot: boolean;
  /** Declared `async` (and not a generator): calling it returns a promise. */
  isAsync?: boolean;
  /** Code that only runs when the file is executed as a program (shebang file, `require.main === module` block). */
  cli?: boolean;
  /** Offset where the function's body starts (`{` or the concise expression): matches across parsers. */
  bodyStart?: number;
  /** 1-based line where the body starts (fallback match when offsets differ, e.g. `() => (x)`). */
  bodyLine?: number;
  /**
   * Set for callbacks that run synchronously inside another function (array methods, IIFEs, the
   * Promise executor): the id of the function whose calls they are counted as.
   */
  mergedInto?: string;
}

/** One call edge into a function. */
export interface CallerEdge {
  caller: GraphFunction;
  /** 1-based line of the call site in the caller's file. */
  line: number;
}

/** What the audit needs from a call graph. */
export interface AuditCallGraph {
  /** Short name shown in reports, e.g. `syntactic (babel, same-file + relative imports)`. */
  kind: string;
  /** Caveats shown in reports. */
  note?: string;
  /** The function with this id, or undefined. */
  getFunction(id: string): GraphFunction | undefined;
  /** Every resolved call of the function `id`, by the function containing the call. */
  callersOf(id: string): readonly CallerEdge[];
}

/**
 * The shortest chain from an async root down to the function `id`, as steps from the async function
 * to `id` (each step's line is the call site in that step's function, the last step's line is the
 * function's own line), or undefined when no async root reaches `id`. Breadth-first over callers, so
 * cycles terminate; `maxDepth` bounds the search.
 */
export function findAsyncChain(graph: AuditCallGraph, id: string, maxDepth = 50): ChainStep[] | undefined {
  const start = graph.getFunction(id);
  if (!start) return undefined;
  // previous[x] = the function x calls on the way down to `id`, and the line of that call
  const next = new Map<string, { callee: string; line: number }>();
  const seen = new Set([id]);
  let frontier = [id];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const following: string[] = [];
    for (const current of frontier) {
      for (const edge of graph.callersOf(current)) {
        const callerId = edge.caller.id;
        if (seen.has(callerId)) continue;
        seen.add(callerId);
        next.set(callerId, { callee: current, line: edge.line });
        if (edge.caller.asyncRoot) return buildChain(graph, callerId, next, start);
        following.push(callerId);
      }
    }
    frontier = following;
  }
  return undefined;
}

function buildChain(graph: AuditCallGraph, rootId: string, next: Map<string, { callee: string; line: number }>, target: GraphFunction): ChainStep[] {
  const chain: ChainStep[] = [];
  let id: string | undefined = rootId;
  while (id && id !== target.id) {
    const fn = graph.getFunction(id)!;
    const step: { callee: string; line: number } = next.get(id)!;
    chain.push({ name: fn.name, file: fn.file, line: step.line });
    id = step.callee;
  }
  chain.push({ name: target.name, file: target.file, line: target.line });
  return chain;
}

/**
 * True when every way into the function `id` starts in CLI-only code: walking up its callers, every
 * function without callers is a CLI one (a shebang file's top level or function, a
 * `require.main === module` block). A function nobody calls (library API) is not CLI-only.
 */
export function isCliOnly(graph: AuditCallGraph, id: string, maxNodes = 10000): boolean {
  const seen = new Set([id]);
  const stack = [id];
  let roots = 0;
  while (stack.length > 0 && seen.size < maxNodes) {
    const current = stack.pop()!;
    const fn = graph.getFunction(current);
    if (fn?.cli) {
      roots++;
      continue;
    }
    const callers = graph.callersOf(current);
    if (callers.length === 0) return false;
    for (const edge of callers) {
      if (!seen.has(edge.caller.id)) {
        seen.add(edge.caller.id);
        stack.push(edge.caller.id);
      }
    }
  }
  return roots > 0 && stack.length === 0;
}

/** `a (src/x.ts:3) → b (src/y.ts:10) → c` for messages. */
export function formatChain(chain: readonly ChainStep[]): string {
  return chain.map((s, i) => (i < chain.length - 1 ? `${s.name} (${s.file}:${s.line})` : s.name)).join(' → ');
}
