/**
 * Which change sets a verification problem belongs to, so that exactly those are dropped and the
 * rest of the migration is kept. Tried in order, the first that names a set wins:
 * 1. **edits at the problem**: plan entries (await sites, restructured calls, annotations, seed sites)
 *    whose original span overlaps the problem's span mapped back to the original text;
 * 2. **what the problem mentions**: identifiers in the problem's span (then its statement) resolve
 *    to declarations — a function the plan made async, a parameter, variable or property whose type
 *    annotation names a project type alias or function type — and the plan entries inside those
 *    declarations (the function's `async`, the alias's `Promise<…>`) name the set;
 * 3. **the function around it**: the innermost function the plan made async that contains the problem.
 * A problem none of these attributes is unattributed: the caller drops every set that edits its
 * file, or every set when none does, and reports AM344 (never accepted silently).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { Plan } from '../core/plan';
import type { LoadedProject } from './load-project';
import type { PositionMap } from './position-map';
import type { VerifyProblem } from './verify';
import { declarationsOf, findInnermost, forEachMention } from './verify-suspects';

/** Where to look: the plan (with change sets), the migrated program and the position maps. */
export interface AttributionContext {
  plan: Plan;
  /** Directory the plan's file keys are relative to. */
  planCwd: string;
  migrated: LoadedProject;
  maps: ReadonlyMap<string, PositionMap>;
  /** Name (last segment) of a function the plan makes async → its sets ({@link namedSetsOf}). */
  namedSets?: ReadonlyMap<string, readonly string[]>;
}

/** Name (last segment: `load` for `Store.load`) → the sets of the plan's async functions of that name. */
export function namedSetsOf(plan: Plan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const fp of Object.values(plan.files)) {
    for (const fn of fp.asyncFunctions) {
      const name = fn.name.split('.').pop() ?? '';
      if (!fn.changeSet || !/^[\w$]+$/.test(name)) continue;
      out.set(name, [...new Set([...(out.get(name) ?? []), fn.changeSet])]);
    }
  }
  return out;
}

/** One span of plan entries: original offsets in a plan file, and the set it belongs to. */
interface EntrySpan {
  start: number;
  end: number;
  changeSet: string;
  kind: 'site' | 'function';
}

/** The plan's entries per absolute file. */
function entriesByFile(plan: Plan, planCwd: string): Map<string, EntrySpan[]> {
  const out = new Map<string, EntrySpan[]>();
  for (const [file, fp] of Object.entries(plan.files)) {
    const list: EntrySpan[] = [];
    for (const e of [...fp.awaitSites, ...fp.callbacks, ...fp.annotations, ...fp.seedSites]) if (e.changeSet) list.push({ start: e.start, end: e.end, changeSet: e.changeSet, kind: 'site' });
    for (const e of fp.asyncFunctions) if (e.changeSet) list.push({ start: e.start, end: e.end, changeSet: e.changeSet, kind: 'function' });
    out.set(path.resolve(planCwd, file), list);
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start <= b.end && b.start <= a.end;

/**
 * The declarations a node's identifiers lead to: their own, the type aliases their annotations name,
 * and — `depth` levels deep — what the initialisers of the variables among them mention
 * (`const load = loaders.config.bind(null)` leads to `config: loadConfig`, then to `loadConfig`).
 */
function mentionedDeclarations(root: ts.Node, sf: ts.SourceFile, start: number, end: number, checker: ts.TypeChecker, depth = 3): ts.Node[] {
  const out: ts.Node[] = [];
  forEachMention(root, sf, start, end, checker, {
    declarations: (decls) => {
      for (const decl of decls) {
        // A namespace import names a whole module: too wide to say which set it means.
        if (ts.isSourceFile(decl) || ts.isModuleDeclaration(decl)) continue;
        out.push(decl);
        const type = ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl) ? decl.type : undefined;
        if (type && ts.isTypeReferenceNode(type)) out.push(...declarationsOf(checker.getSymbolAtLocation(type.typeName), checker));
        const init = ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) ? decl.initializer : ts.isShorthandPropertyAssignment(decl) ? decl.name : undefined;
        if (init && depth > 0 && !ts.isFunctionLike(init)) {
          const initFile = init.getSourceFile();
          out.push(...mentionedDeclarations(init, initFile, init.getStart(initFile), init.getEnd(), checker, depth - 1));
        }
      }
    },
  });
  return out;
}

/** String literals in a span (`jest.spyOn(m, 'load')` names a function by its name). */
function stringsIn(root: ts.Node, sf: ts.SourceFile, start: number, end: number, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  forEachMention(root, sf, start, end, checker, { declarations: () => undefined, string: (text) => out.push(text) });
  return out;
}

/**
 * The change sets `problem` belongs to (empty when unattributed).
 * @returns set ids, sorted
 */
export function attributeProblem(problem: VerifyProblem, ctx: AttributionContext, byFile = entriesByFile(ctx.plan, ctx.planCwd)): string[] {
  const sets = new Set<string>();
  const span = { start: problem.originalStart, end: problem.originalEnd };
  // 1. An edit at the problem.
  for (const e of byFile.get(problem.file) ?? []) if (e.kind === 'site' && overlaps(e, span)) sets.add(e.changeSet);
  if (sets.size > 0) return [...sets].sort();
  // 2. What the problem (then its statement) mentions.
  const sf = ctx.migrated.program.getSourceFile(problem.file);
  if (sf) {
    let node: ts.Node | undefined = findInnermost(sf, problem.start);
    const scopes: { root: ts.Node; start: number; end: number }[] = [{ root: sf, start: problem.start, end: problem.start + Math.max(problem.length, 1) }];
    while (node && !ts.isStatement(node) && !ts.isClassElement(node) && !ts.isSourceFile(node)) node = node.parent;
    if (node && !ts.isSourceFile(node)) scopes.push({ root: node, start: node.getStart(sf), end: node.getEnd() });
    for (const scope of scopes) {
      for (const decl of mentionedDeclarations(scope.root, sf, scope.start, scope.end, ctx.migrated.checker)) {
        const file = decl.getSourceFile().fileName;
        const map = ctx.maps.get(file);
        // A function: only its header (its `async`, its return type), not the calls in its body.
        const body = ts.isFunctionLike(decl) ? (decl as ts.FunctionLikeDeclaration).body : undefined;
        const declEnd = body ? body.getStart() : decl.getEnd();
        const declSpan = { start: map ? map.toOriginal(decl.getStart()) : decl.getStart(), end: map ? map.toOriginal(declEnd) : declEnd };
        for (const e of byFile.get(file) ?? []) if (e.start >= declSpan.start && e.start <= declSpan.end) sets.add(e.changeSet);
      }
      for (const text of stringsIn(scope.root, sf, scope.start, scope.end, ctx.migrated.checker)) for (const id of ctx.namedSets?.get(text) ?? []) sets.add(id);
      if (sets.size > 0) return [...sets].sort();
    }
  }
  // 3. The innermost function the plan made async around the problem.
  const around = (byFile.get(problem.file) ?? []).filter((e) => e.kind === 'function' && e.start <= span.start && span.end <= e.end).sort((a, b) => b.start - a.start);
  return around.length > 0 ? [around[0].changeSet] : [];
}

/** The sets that edit an absolute file (`byFile`: the plan's entries, {@link entriesByFile}). */
export function setsInFile(byFile: ReadonlyMap<string, readonly EntrySpan[]>, file: string): string[] {
  return [...new Set((byFile.get(file) ?? []).map((e) => e.changeSet))].sort();
}

export { entriesByFile };
