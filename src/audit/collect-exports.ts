/**
 * The exports of one file for the audit's syntactic call graph (./syntactic-call-graph.ts): ES exports
 * (`export function`, `export class`, `export const f = …`, `export { f as g }`, `export … from`,
 * `export default`) and CommonJS ones (`module.exports = f | { f, g: h }`, `exports.f = …`,
 * `module.exports.f = …`), each naming a function of the file or a re-exported name.
 */
import type { ASTPath } from 'jscodeshift';
import { propertyName, stringValue } from './resolve-io-call';
import type { FileGraphFacts } from './syntactic-call-graph';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;
type AnyPath = ASTPath<AnyNode>;

/** `node` without the parentheses, `as`, `!` and `satisfies` around it. */
export function unwrapExpr(node: AnyNode): AnyNode {
  let n = node;
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'ParenthesizedExpression')) n = n.expression;
  return n;
}

/**
 * Fill `facts.exports` and `facts.exportAll` from the top-level statements of `program`.
 * @param fnIdOfNode the id of the file's function (or class constructor) a node is, if any.
 * @param localFunctionOf the id of the function a name bound at a path is declared as, if any.
 */
export function collectExports(
  program: AnyPath,
  facts: FileGraphFacts,
  fnIdOfNode: (n: AnyNode) => string | undefined,
  localFunctionOf: (p: AnyPath, name: string) => string | undefined,
): void {
  const set = (name: string, id: string | undefined) => {
    if (id) facts.exports.set(name, { kind: 'local', id });
  };
  const valueId = (path: AnyPath, value: AnyNode) => {
    const v = unwrapExpr(value);
    return v?.type === 'Identifier' ? localFunctionOf(path, v.name) : fnIdOfNode(v);
  };
  if (!program) return;
  program.get('body').each((stmt: AnyPath) => {
    const node = stmt.node;
    if (node.type === 'ExportNamedDeclaration') {
      const d = node.declaration;
      if ((d?.type === 'FunctionDeclaration' || d?.type === 'ClassDeclaration') && d.id) set(d.id.name, fnIdOfNode(d));
      if (d?.type === 'VariableDeclaration') for (const decl of d.declarations) if (decl.id.type === 'Identifier') set(decl.id.name, fnIdOfNode(decl.init));
      for (const s of node.specifiers ?? []) {
        const exported = s.exported.type === 'Identifier' ? s.exported.name : stringValue(s.exported);
        const local = s.local?.type === 'Identifier' ? s.local.name : undefined;
        if (!exported) continue;
        if (node.source) facts.exports.set(exported, { kind: 'reexport', specifier: node.source.value, name: s.type === 'ExportNamespaceSpecifier' ? '*' : (local ?? exported) });
        else if (local) set(exported, localFunctionOf(stmt, local));
      }
    } else if (node.type === 'ExportDefaultDeclaration') {
      set('default', valueId(stmt, node.declaration));
    } else if (node.type === 'ExportAllDeclaration' && !node.exported) {
      facts.exportAll.push(node.source.value);
    } else if (node.type === 'ExpressionStatement' && node.expression.type === 'AssignmentExpression' && node.expression.operator === '=') {
      const { left, right } = node.expression;
      const target = cjsExportTarget(left);
      if (target === '=') {
        const r = unwrapExpr(right);
        if (r.type === 'ObjectExpression') {
          for (const prop of r.properties) {
            const key = prop.key?.type === 'Identifier' ? prop.key.name : stringValue(prop.key);
            if (!key) continue;
            if (prop.type === 'ObjectMethod') set(key, fnIdOfNode(prop));
            else if (prop.type === 'ObjectProperty' || prop.type === 'Property') set(key, valueId(stmt, prop.value));
          }
        } else {
          const id = valueId(stmt, r);
          set('=', id);
          set('default', id);
        }
      } else if (target) {
        set(target, valueId(stmt, right));
      }
    }
  });
}

/** `module.exports` → '=', `module.exports.f` / `exports.f` → 'f', anything else → undefined. */
function cjsExportTarget(left: AnyNode): string | undefined {
  const isModuleExports = (n: AnyNode) => n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && propertyName(n) === 'exports';
  if (isModuleExports(left)) return '=';
  if (left.type === 'MemberExpression') {
    const name = propertyName(left);
    if (!name) return undefined;
    if (isModuleExports(left.object)) return name;
    if (left.object.type === 'Identifier' && left.object.name === 'exports') return name;
  }
  return undefined;
}
