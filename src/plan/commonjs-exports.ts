/**
 * What a CommonJS module exports, read from its syntax: the TypeScript checker follows
 * `module.exports = { f }`, `exports.f = …` and `module.exports.f = …` in JavaScript files, but not
 * `Object.assign(module.exports, { f })`, properties added to an object bound to `module.exports`
 * (`const api = module.exports = {}; api.f = …`), nor always spread re-exports
 * (`module.exports = { ...require('./x'), f }`). The call graph uses this table to mark exported API
 * and, where the checker resolves nothing, to resolve `require('./m').f()`, `m.f()` and
 * `const { f } = require('./m')`.
 *
 * Shapes read, at the top level of a module (also inside a top-level `if` block):
 * - `module.exports = <object literal | name bound to one | require('./x') | any other value>`
 * - `exports.f = …`, `module.exports.f = …`, `exports['f'] = …`, chains `var f = exports.f = …`
 * - `Object.assign(module.exports | exports, { f, g: …, h() {} }, require('./x'), …)`
 * - `const api = module.exports = {}` or `module.exports = api`, then `api.f = …`
 * - in an object literal: `f`, `g: value`, `h() {}`, `...require('./x')`, `...name bound to an object literal`
 */
import { ts } from 'ts-morph';
import { skipOuter } from './syntax';

/** The key under which the module's whole value is filed (`module.exports = f`): not a property name. */
export const WHOLE_MODULE = 'module.exports';

/**
 * One exported value: the expression assigned (an inline function, or a name bound to one), an
 * object-literal method, or a shorthand property (`{ f }`, resolved with the checker).
 */
export type ExportedValue = ts.Expression | ts.MethodDeclaration | ts.ShorthandPropertyAssignment;

/** Reads and caches the CommonJS export tables of source files: name → values (several when assigned more than once). */
export interface CommonJsExportReader {
  exportsOf(sf: ts.SourceFile): ReadonlyMap<string, readonly ExportedValue[]>;
}

/** `module.exports`, or the free `exports` object. */
export function isCommonJsExportsObject(e: ts.Node): boolean {
  const n = skipOuter(e);
  return (ts.isIdentifier(n) && n.text === 'exports') || (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'module' && n.name.text === 'exports');
}

/** `require('<literal>')` (possibly parenthesised): the literal, else undefined. */
export function requireSpecifier(e: ts.Node): ts.StringLiteralLike | undefined {
  const n = skipOuter(e);
  if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== 'require' || n.arguments.length !== 1) return undefined;
  const arg = n.arguments[0];
  return ts.isStringLiteralLike(arg) ? arg : undefined;
}

/** The source file a `require('<literal>')` loads, when the checker resolves it. */
export function requiredSourceFile(checker: ts.TypeChecker, e: ts.Node): ts.SourceFile | undefined {
  const spec = requireSpecifier(e);
  if (!spec) return undefined;
  const decl = checker.getSymbolAtLocation(spec)?.valueDeclaration;
  return decl && ts.isSourceFile(decl) ? decl : undefined;
}

/** The name of `x.name` / `x['name']` (a literal key), else undefined. */
export function memberAccessName(e: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e)) {
    const key = skipOuter(e.argumentExpression);
    if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return key.text;
  }
  return undefined;
}

/** The last value of an assignment chain `a = b = value` (the expression itself when it is no assignment). */
export function assignedValue(e: ts.Expression): ts.Expression {
  let n = skipOuter(e) as ts.Expression;
  while (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) n = skipOuter(n.right) as ts.Expression;
  return n;
}

/**
 * A reader of CommonJS export tables over one checker.
 * @param checker resolves `require('<literal>')` to a source file and names to their declarations.
 */
export function createCommonJsExportReader(checker: ts.TypeChecker): CommonJsExportReader {
  const cache = new Map<ts.SourceFile, Map<string, ExportedValue[]>>();

  const exportsOf = (sf: ts.SourceFile): Map<string, ExportedValue[]> => {
    const cached = cache.get(sf);
    if (cached) return cached;
    const table = new Map<string, ExportedValue[]>();
    cache.set(sf, table); // cycle guard: a module that re-exports itself through others sees what is known so far
    const add = (name: string, value: ExportedValue) => {
      const list = table.get(name);
      if (list) list.push(value);
      else table.set(name, [value]);
    };
    const merge = (from: ts.SourceFile | undefined) => {
      if (!from || from === sf) return;
      for (const [name, values] of exportsOf(from)) if (name !== WHOLE_MODULE) for (const v of values) add(name, v);
    };

    // Pass 1: names bound to the exports object (`const api = module.exports = {}`, `module.exports = api`).
    const aliases = new Set<ts.Symbol>();
    const statements = topLevelStatements(sf);
    const chainHasExports = (e: ts.Expression): boolean => {
      let n = skipOuter(e) as ts.Expression;
      while (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (isCommonJsExportsObject(n.left)) return true;
        n = skipOuter(n.right) as ts.Expression;
      }
      return false;
    };
    for (const st of statements) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer && chainHasExports(d.initializer)) {
            const s = checker.getSymbolAtLocation(d.name);
            if (s) aliases.add(s);
          }
        }
      } else if (ts.isExpressionStatement(st)) {
        const e = skipOuter(st.expression);
        if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && chainHasExports(e)) {
          const value = assignedValue(e);
          const s = ts.isIdentifier(value) ? checker.getSymbolAtLocation(value) : undefined;
          if (s) aliases.add(s);
        }
      }
    }
    const isExportsTarget = (e: ts.Node): boolean => {
      if (isCommonJsExportsObject(e)) return true;
      const n = skipOuter(e);
      if (!ts.isIdentifier(n) || aliases.size === 0) return false;
      const s = checker.getSymbolAtLocation(n);
      return s !== undefined && aliases.has(s);
    };

    // An object literal bound to a name (`const api = { f }; module.exports = api`), followed one step.
    const objectBehind = (e: ts.Expression): ts.ObjectLiteralExpression | undefined => {
      const n = skipOuter(e);
      if (ts.isObjectLiteralExpression(n)) return n;
      if (!ts.isIdentifier(n)) return undefined;
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? assignedValue(decl.initializer) : undefined;
      return init && ts.isObjectLiteralExpression(init) ? init : undefined;
    };
    const addObject = (obj: ts.ObjectLiteralExpression) => {
      for (const p of obj.properties) {
        if (ts.isPropertyAssignment(p)) {
          const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
          if (name !== undefined) add(name, p.initializer);
        } else if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p);
        else if (ts.isMethodDeclaration(p) && p.body) {
          const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
          if (name !== undefined) add(name, p);
        } else if (ts.isSpreadAssignment(p)) addSource(p.expression);
      }
    };
    // A source of properties: an object literal (or a name bound to one), or `require('./x')`.
    const addSource = (e: ts.Expression) => {
      if (requireSpecifier(e)) return merge(requiredSourceFile(checker, e));
      const obj = objectBehind(e);
      if (obj) addObject(obj);
    };

    const readExpression = (expr: ts.Expression) => {
      const e = skipOuter(expr);
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const value = assignedValue(e);
        // Every target of the chain `exports.a = exports.b = value` gets the value.
        for (let n: ts.Expression = e; ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken; n = skipOuter(n.right) as ts.Expression) {
          const left = skipOuter(n.left);
          if (isCommonJsExportsObject(left) && !ts.isIdentifier(left)) {
            // module.exports = …
            if (requireSpecifier(value)) merge(requiredSourceFile(checker, value));
            else {
              const obj = objectBehind(value);
              if (obj) addObject(obj);
              else add(WHOLE_MODULE, value);
            }
          } else if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && isExportsTarget(left.expression)) {
            const name = memberAccessName(left);
            if (name !== undefined) add(name, value);
          }
        }
      } else if (ts.isCallExpression(e) && e.arguments.length >= 2 && isObjectAssign(e.expression) && isExportsTarget(e.arguments[0])) {
        for (const source of e.arguments.slice(1)) if (!ts.isSpreadElement(source)) addSource(source);
      }
    };
    for (const st of statements) {
      if (ts.isExpressionStatement(st)) readExpression(st.expression);
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (d.initializer && chainHasExports(d.initializer)) readExpression(d.initializer);
      }
    }
    return table;
  };
  return { exportsOf };
}

/** `Object.assign` */
function isObjectAssign(e: ts.Expression): boolean {
  const n = skipOuter(e);
  return ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Object' && n.name.text === 'assign';
}

/** The module's top-level statements, with those of top-level `if` blocks (`if (typeof module === 'object') module.exports = …`). */
function topLevelStatements(sf: ts.SourceFile): ts.Statement[] {
  const out: ts.Statement[] = [];
  const add = (st: ts.Statement | undefined): void => {
    if (!st) return;
    if (ts.isBlock(st)) st.statements.forEach(add);
    else if (ts.isIfStatement(st)) {
      add(st.thenStatement);
      add(st.elseStatement);
    } else out.push(st);
  };
  sf.statements.forEach(add);
  return out;
}
