/**
 * The Plan: what propagate-async will change, as plain JSON-serialisable data.
 *
 * It is computed once on the ORIGINAL texts (before any stage rewrites them) and applied per file by
 * transforms/propagate-async.ts. Positions are 0-based character offsets into the original text
 * (`start`/`end`, as both the TypeScript compiler and @babel/parser count them) plus 1-based
 * line/column for humans; the transform re-finds each node by its offsets and checks its kind and
 * name before touching it, so a stale plan changes nothing rather than the wrong node.
 */
import type { ReasonCodeId } from './reasons';

/** A place in a file, for humans: 1-based line and column. */
export interface PlanLocation {
  file: string;
  line: number;
  column: number;
}

/** One step of a chain: "<subject> at <location>", e.g. "loadConfig() is called from run". */
export interface ChainStep extends PlanLocation {
  /** What happens at this step, in words: `readFileSync` / `loadConfig() called in run`. */
  text: string;
}

/** A function (or method, arrow, function expression) that the plan marks `async`. */
export interface PlanFunction extends PlanLocation {
  /** Offset of the function node's first token (decorators and modifiers included). */
  start: number;
  /** Offset just after the function node's last character. */
  end: number;
  /** The function's name as written, or a description (`<arrow>`, `<callback of it>`). */
  name: string;
  /**
   * Why it becomes async: from this function down to the seed (a sync fs call, an `await`, or a
   * `--seed`), one step per hop.
   */
  chain: ChainStep[];
  /** Id of the change set this function belongs to ({@link PlanChangeSet}). */
  changeSet?: string;
}

/** A call expression to wrap in `await`. */
export interface PlanAwait extends PlanLocation {
  start: number;
  end: number;
  /** Callee as written (`loadConfig`, `this.store.get`). */
  callee: string;
  /** Id of the change set this entry belongs to. */
  changeSet?: string;
}

/** A return type annotation `T` to turn into `Promise<T>` (`void` → `Promise<void>`). */
export interface PlanAnnotation extends PlanLocation {
  /** Offsets of the type node itself (not the colon). */
  start: number;
  end: number;
  /** The type as written, to verify the node before changing it. */
  text: string;
  /**
   * `promise` (default): `T` → `Promise<T>`; `async-generator`: `Generator<T>` → `AsyncGenerator<T>`,
   * `Iterable…` → `AsyncIterable…`; `jsdoc`: the type inside a JavaScript function's `@returns {T}`.
   */
  kind?: 'promise' | 'async-generator' | 'jsdoc';
  /** Id of the change set this entry belongs to. */
  changeSet?: string;
}

/** A site that keeps a sync callee sync, with the reason and the whole chain. */
export interface PlanBlocked extends PlanLocation {
  /** Reason code (AM1xx context, AM3xx propagate-async). */
  code: ReasonCodeId;
  /** One line: `readFileSync stays sync: loadConfig() is called from the constructor of Settings (src/b.ts:22, AM101)`. */
  message: string;
  /** The sync call or function that stays sync. */
  subject: string;
  /** From the site that stays sync up to the blocking site. */
  chain: ChainStep[];
}

/** A sync fs call the plan makes rewritable (its function becomes async). */
export interface PlanSeedSite extends PlanLocation {
  start: number;
  end: number;
  callee: string;
  /** Id of the change set this entry belongs to. */
  changeSet?: string;
}

/** A call whose inline callback becomes async, restructured instead of awaited. */
export interface PlanCallback extends PlanLocation {
  /**
   * `for-of`: `xs.forEach((x, i) => { … })` (a statement) → `for (const [i, x] of xs.entries()) { … }`
   * (`return;` in the callback → `continue;`); `promise-all`: `xs.map(cb)` →
   * `await Promise.all(xs.map(async cb))` (the callback is in `asyncFunctions`); `promise-all-then`:
   * `xs.filter(cb)` → `await Promise.all(xs.map(async cb)).then((settled) => xs.filter((_item, index)
   * => settled[index]))` (also some/every/find/findIndex/findLast/findLastIndex); `sequential-loop`
   * (`--concurrency=sequential`): `xs.map|filter|flatMap|some|every|find|findIndex|findLast|findLastIndex(cb)`
   * → a `for…of` loop over the callback's body, one item at a time (`const ys = xs.map((x) => e)` →
   * `const ys = [];` and `for (const x of xs) { ys.push(e); }`; filter: `if (e) { ys.push(x); }`;
   * some/every/find…: `let ok = false;` … `if (e) { ok = true; break; }`), the result declared,
   * returned or assigned through a fresh temporary (offsets of the array call); `promise-all-flat`: `xs.flatMap(cb)` →
   * `(await Promise.all(xs.map(async cb))).flat()`; `reduce-loop`: `const t = xs.reduce((a, x, i) => e, init)`
   * → `let t = init;` and `for (const [i, x] of xs.entries()) { t = e; }` (a renamed to t); `expect-rejects`:
   * `expect(() => f()).toThrow(e)` → `await expect(f()).rejects.toThrow(e)`; `assert-rejects`:
   * `assert.throws(() => f(), e)` → `await assert.rejects(async () => f(), e)` (callback in `asyncFunctions`);
   * `for-await`: the `for…of` loop over this generator call becomes `for await…of`; `from-async`
   * (`--target node22`): `Array.from(gen()[, syncMapper])` / `[...gen()]` → `await Array.fromAsync(gen()[, syncMapper])`
   * (offsets of `Array.from(…)` or of the array literal); `collect-loop` (no Array.fromAsync on the
   * target): `Array.from(gen())` / `[...gen()]` declared, returned, assigned or as a concise arrow body →
   * `const xs: T[] = [];` + `for await (const item of gen()) { xs.push(item); }` (same offsets; `resultType`: T[]).
   */
  kind: 'for-of' | 'promise-all' | 'promise-all-flat' | 'promise-all-then' | 'reduce-loop' | 'sequential-loop' | 'expect-rejects' | 'assert-rejects' | 'for-await' | 'from-async' | 'collect-loop';
  /** Offsets of the restructured call expression (the array method call, `expect(…).toThrow(…)`, `assert.throws(…)`). */
  start: number;
  end: number;
  /** The callee as written: `rows.forEach`. */
  callee: string;
  /**
   * `collect-loop` in TypeScript only: the array type (`number[]`) for `const xs: number[] = []`.
   * `sequential-loop` in TypeScript only, when needed: the type written on the result variable or
   * temporary (`const ys: number[] = []`, `let found: Item | undefined;`), because an unannotated
   * `[]` / `let x;` would be `never[]` (strictNullChecks without noImplicitAny) or an implicit-any
   * error (read in a nested function, exported). Absent: no annotation is written.
   */
  resultType?: string;
  /** Id of the change set this entry belongs to. */
  changeSet?: string;
}

/** An exported function whose signature changes (it now returns a promise). */
export interface PlanApiChange extends PlanLocation {
  name: string;
  /** Id of the change set this entry belongs to. */
  changeSet?: string;
}

/** One file's part of the plan. */
export interface FilePlan {
  asyncFunctions: PlanFunction[];
  awaitSites: PlanAwait[];
  annotations: PlanAnnotation[];
  /** Array-method calls restructured because their callback becomes async. */
  callbacks: PlanCallback[];
  /** Sync fs calls that fs-promises may rewrite because their function becomes async. */
  seedSites: PlanSeedSite[];
  blocked: PlanBlocked[];
}

/** The whole plan. `files` keys are the paths as the engine was given them. */
export interface Plan {
  version: 1;
  /** tsconfig used, or null for the inferred config. */
  tsconfig: string | null;
  files: Record<string, FilePlan>;
  /** Exported functions whose signature changes (listed whatever `--public-api` says). */
  apiChanges: PlanApiChange[];
  /** Exported functions kept sync by `--public-api=keep` (given, or the default for a published package). */
  apiKept: PlanApiChange[];
  /** Edges caller → callee of the functions that become async (for `--format mermaid`). */
  edges: { from: string; to: string; blocked?: string }[];
  /**
   * The Node.js version the plan targets and why: `{ name: 'node22', reason: 'package.json
   * engines.node ">=22"' }` (`--target`, else engines.node, else the tsconfig lib/target, else the
   * oldest maintained LTS; src/plan/target.ts). Absent in plans written before it was recorded.
   */
  target?: { name: string; reason: string };
  /**
   * Whether the exported API of the package's entry points was kept sync, and why: `--public-api`, or
   * the default by package kind (`keep` for a package that publishes an API, `change` for an
   * application; src/plan/public-api.ts). Absent in plans written before it was recorded.
   */
  publicApi?: { mode: 'change' | 'keep'; reason: string };
  /**
   * The change sets: the connected groups of functions, annotations and call sites that must change
   * together (a seed's function, its callers up the chain, their families). Every entry of `files`
   * above carries the id of its set; verification drops whole sets. Absent in plans written before
   * change sets existed (then the whole plan is one unit).
   */
  changeSets?: PlanChangeSet[];
  /** Change sets verification removed from this plan, with the problem that sank each. */
  droppedChangeSets?: PlanDroppedChangeSet[];
  /** Files outside the run's paths that `--expand` added because a selected change set edits them. */
  expandedFiles?: string[];
}

/**
 * One change set. Its `id` derives from its seed functions (file and name), so it is stable across
 * runs while the seeds are: `cs-<8 hex digits>`.
 */
export interface PlanChangeSet {
  id: string;
  /** A readable name: the first seed function's name (`readRaw`), `+N` when there are more. */
  label: string;
  /** The seed sites (sync calls, `await` in a sync function, `--seed`), with their function. */
  seeds: (PlanLocation & { function: string; text: string })[];
  /** Files the set edits, sorted. */
  files: string[];
  /** Functions that become async. */
  functions: number;
  /** Call sites awaited or restructured. */
  callSites: number;
  /** Exported functions whose signature changes (`file:name`), sorted. */
  exportedApi: string[];
}

/** A change set that was removed, and why: verification (AM343, AM344) or the run's paths (AM347). */
export interface PlanDroppedChangeSet {
  id: string;
  label: string;
  code: 'AM343' | 'AM344' | 'AM347';
  /** The diagnostic or floating promise that sank it: `TS2769 at src/fix.ts:4:10: No overload matches this call.` */
  why: string;
}

/** An empty file plan. */
export function emptyFilePlan(): FilePlan {
  return { asyncFunctions: [], awaitSites: [], annotations: [], callbacks: [], seedSites: [], blocked: [] };
}
