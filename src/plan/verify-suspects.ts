/**
 * Which functions made a verification fail: the functions the plan made async that a new type error
 * or floating promise mentions. Pinning them sync and planning again (the pipeline's retry, see
 * src/engine/pipeline.ts) keeps the rest of the migration instead of dropping all of it.
 *
 * A problem mentions a function when, in the migrated program, an identifier inside the problem's
 * span resolves to its declaration, or a string literal there is its name (`jest.spyOn(m, 'load')`).
 * When the span holds no such mention, the enclosing statement is searched, then the enclosing
 * function itself counts when the plan made it async.
 */
import { ts } from 'ts-morph';
import type { LoadedProject } from './load-project';

/** A function to keep sync: absolute file and its name as the plan shows it (last segment, `load` for `Repository.load`). */
export interface Suspect {
  file: string;
  name: string;
  /** `TS2345 at test/config.test.ts:9` */
  why: string;
}

/** The name a declaration goes by: `f` for `function f`, `const f = …`, `m() {}`, `m: …`, `X.prototype.m = …`. */
function declarationName(decl: ts.Node): string | undefined {
  let node = decl;
  if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
    let outer: ts.Node = node;
    while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const parent = outer.parent;
    if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) node = parent;
    else return node.name?.text;
  }
  const name = (node as ts.NamedDeclaration).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** Last segment of a plan function name, or undefined for descriptions (`<arrow function>`, `the callback passed to …`). */
export function planNameKey(name: string): string | undefined {
  if (name.startsWith('<') || name.includes(' ')) return undefined;
  return name.split('.').pop();
}

/**
 * The suspects of a list of problem locations in the migrated program.
 * @param asyncNames absolute file → names (last segments) of the functions the plan made async there
 * @param problems absolute file, offset and length in the migrated text, and a short reason
 */
export function findSuspects(migrated: LoadedProject, asyncNames: ReadonlyMap<string, ReadonlySet<string>>, problems: readonly { file: string; start: number; length: number; why: string }[]): Suspect[] {
  const checker = migrated.checker;
  const found = new Map<string, Suspect>();
  const add = (file: string, name: string, why: string) => {
    if (!asyncNames.get(file)?.has(name)) return false;
    if (!found.has(`${file}:${name}`)) found.set(`${file}:${name}`, { file, name, why });
    return true;
  };
  const mentions = (root: ts.Node, sf: ts.SourceFile, start: number, end: number, why: string): boolean => {
    let hit = false;
    forEachMention(root, sf, start, end, checker, {
      declarations: (decls) => {
        for (const decl of decls) {
          const name = declarationName(decl);
          if (name && add(decl.getSourceFile().fileName, name, why)) hit = true;
        }
      },
      string: (text) => {
        for (const [file, names] of asyncNames) if (names.has(text) && add(file, text, why)) hit = true;
      },
    });
    return hit;
  };
  for (const problem of problems) {
    const sf = migrated.program.getSourceFile(problem.file);
    if (!sf) continue;
    const end = problem.start + Math.max(problem.length, 1);
    if (mentions(sf, sf, problem.start, end, problem.why)) continue;
    // Widen to the statement (or class member) around the problem, then to its function.
    let node: ts.Node | undefined = findInnermost(sf, problem.start);
    while (node && !ts.isStatement(node) && !ts.isClassElement(node) && !ts.isSourceFile(node)) node = node.parent;
    if (node && !ts.isSourceFile(node) && mentions(node, sf, node.getStart(sf), node.getEnd(), problem.why)) continue;
    while (node && !ts.isFunctionLike(node) && !ts.isSourceFile(node)) node = node.parent;
    const name = node && !ts.isSourceFile(node) ? declarationName(node) : undefined;
    if (name) add(sf.fileName, name, problem.why);
  }
  return [...found.values()];
}

/** The declarations a symbol stands for, through an import alias. */
export function declarationsOf(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): readonly ts.Declaration[] {
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations ?? [];
}

/**
 * Walk what a span of `root` mentions: for each identifier wholly inside [start, end], the
 * declarations its symbol stands for (through import aliases); for each string literal there, its
 * text (`jest.spyOn(m, 'load')` names a function by its name).
 */
export function forEachMention(root: ts.Node, sf: ts.SourceFile, start: number, end: number, checker: ts.TypeChecker, on: { declarations(decls: readonly ts.Declaration[], id: ts.Identifier): void; string?(text: string): void }): void {
  const visit = (node: ts.Node): void => {
    if (node.getEnd() < start || node.getStart(sf) > end) return;
    const inside = node.getStart(sf) >= start && node.getEnd() <= end;
    if (inside && ts.isIdentifier(node)) on.declarations(declarationsOf(checker.getSymbolAtLocation(node), checker), node);
    else if (inside && ts.isStringLiteralLike(node)) on.string?.(node.text);
    ts.forEachChild(node, visit);
  };
  visit(root);
}

/** The innermost node of `sf` that contains `pos`. */
export function findInnermost(sf: ts.SourceFile, pos: number): ts.Node {
  let node: ts.Node = sf;
  for (;;) {
    const child = node.getChildren(sf).find((c) => c.getStart(sf) <= pos && pos < c.getEnd());
    if (!child) return node;
    node = child;
  }
}
