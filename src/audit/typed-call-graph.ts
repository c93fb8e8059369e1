/**
 * The audit's call graph from the propagate-async analysis: the project loaded with ts-morph
 * (src/plan/load-project.ts, tsconfig or an inferred `allowJs` config) and the one-pass call graph
 * of src/plan/call-graph/, whose callees are resolved by the type checker — so calls through
 * interfaces, method families, re-exports, aliases and instance methods (`new Store().read()`) are
 * followed, which the syntactic graph cannot do.
 *
 * Functions are matched to the audit's own (Babel) functions by file and body start offset, which
 * both parsers agree on (else by the line the body starts on, when one function's body starts there:
 * `() => (x)` starts at `x` for Babel and at `(` for TypeScript). Callbacks the audit treats as part of their enclosing function (array
 * methods, IIFEs, Promise executors) are folded into it, as in the syntactic graph; calls made at
 * module top level or in a blocked context (constructor, accessor, …) come from the file's
 * `<top level>` pseudo function (or its `require.main` block's).
 */
import * as path from 'path';
import { loadProject } from '../plan/load-project';
import { buildCallGraph, familyOf, type FnNode } from '../plan/call-graph';
import type { AuditCallGraph, CallerEdge, GraphFunction } from './call-graph';
import type { FileGraphFacts } from './syntactic-call-graph';

/** Options of {@link buildTypedCallGraph}. */
export interface TypedCallGraphOptions {
  /** Working directory: display paths resolve against it. */
  cwd: string;
  /** tsconfig to use (default: the nearest one; none → inferred config with allowJs). */
  project?: string;
  fsModules?: readonly string[];
}

/**
 * Build the typed call graph for the audited files.
 * @param facts the audit's per-file facts (its function list and pseudo functions)
 * @param texts display path → text of every audited file
 * @throws Error from the project loader for a bad tsconfig (the caller falls back and says so)
 */
export function buildTypedCallGraph(facts: readonly FileGraphFacts[], texts: ReadonlyMap<string, string>, options: TypedCallGraphOptions): AuditCallGraph {
  const absToDisplay = new Map<string, string>();
  const absTexts = new Map<string, string>();
  for (const [display, text] of texts) {
    const abs = path.resolve(options.cwd, display);
    absToDisplay.set(abs, display);
    absTexts.set(abs, text);
  }
  const loaded = loadProject(absTexts, { cwd: options.cwd, tsConfigFilePath: options.project });
  const graph = buildCallGraph(loaded.program, loaded.checker, { projectFiles: loaded.projectFiles, isEsModule: () => false, fsModules: options.fsModules });

  const functions = new Map<string, GraphFunction>();
  const byBody = new Map<string, GraphFunction>();
  const byBodyLine = new Map<string, GraphFunction[]>();
  for (const f of facts) {
    for (const fn of f.functions) {
      functions.set(fn.id, fn);
      if (fn.bodyStart !== undefined) byBody.set(`${fn.file}@${fn.bodyStart}`, fn);
      if (fn.bodyLine !== undefined) {
        const key = `${fn.file}:${fn.bodyLine}`;
        byBodyLine.set(key, [...(byBodyLine.get(key) ?? []), fn]);
      }
    }
  }
  /** The audit function whose body starts where `body` does: by offset, else the only one on that line. */
  const matchBody = (display: string, body: { getStart(): number; getSourceFile(): { getLineAndCharacterOfPosition(p: number): { line: number } } }): GraphFunction | undefined => {
    const start = body.getStart();
    const exact = byBody.get(`${display}@${start}`);
    if (exact) return exact;
    const line = body.getSourceFile().getLineAndCharacterOfPosition(start).line + 1;
    const onLine = byBodyLine.get(`${display}:${line}`);
    return onLine?.length === 1 ? onLine[0] : undefined;
  };
  /** The audit function a typed FnNode is, after folding transparent callbacks. */
  const mainLines = new Map(facts.map((f) => [f.file, f.mainBlockCallLines]));
  const auditFunctionOf = (fn: FnNode | undefined, file: string, line: number): GraphFunction | undefined => {
    if (!fn) return functions.get(mainLines.get(file)?.has(line) ? `${file}#main` : `${file}#top`);
    const body = (fn.node as { body?: Parameters<typeof matchBody>[1] }).body;
    const display = absToDisplay.get(path.resolve(fn.file));
    if (!body || !display) return undefined;
    let mine = matchBody(display, body);
    const seen = new Set<string>();
    while (mine?.mergedInto && !seen.has(mine.id)) {
      seen.add(mine.id);
      mine = functions.get(mine.mergedInto);
    }
    return mine;
  };

  // incoming calls per family, as audit edges
  const callersByFamily = new Map<number, CallerEdge[]>();
  for (const site of graph.sites) {
    const display = absToDisplay.get(path.resolve(site.loc.file)) ?? site.loc.file;
    const caller = auditFunctionOf(site.caller, display, site.loc.line);
    if (!caller) continue;
    for (const callee of site.callees) {
      const family = familyOf(graph, callee.id);
      const list = callersByFamily.get(family) ?? [];
      list.push({ caller, line: site.loc.line });
      callersByFamily.set(family, list);
    }
  }
  const familyOfAudit = new Map<string, number>();
  for (const fn of graph.fns) {
    if (!fn.hasBody) continue;
    const body = (fn.node as { body?: Parameters<typeof matchBody>[1] }).body;
    const display = absToDisplay.get(path.resolve(fn.file));
    if (!body || !display) continue;
    const mine = matchBody(display, body);
    if (mine) familyOfAudit.set(mine.id, familyOf(graph, fn.id));
  }

  const tsconfig = loaded.tsConfigFilePath ? path.relative(options.cwd, loaded.tsConfigFilePath) || 'tsconfig.json' : undefined;
  return {
    kind: 'typed',
    note: `propagate-async's call graph (TypeScript checker, ${tsconfig ? tsconfig : 'inferred allowJs config'}); calls through parameters and values passed to unknown code are not followed`,
    getFunction: (id) => functions.get(id),
    callersOf: (id) => {
      const family = familyOfAudit.get(id);
      const edges = family === undefined ? [] : (callersByFamily.get(family) ?? []);
      return edges.filter((e) => e.caller.id !== id);
    },
  };
}
