/**
 * Which module export a callee is, when it is one: `load(…)` after `import { load } from './db'`,
 * `db.load(…)` after `const db = require('./db')`, and the like (see CalleeOrigin in
 * src/core/promise-callees.ts). The project analysis can answer such a query from its own
 * table of functions without positions, which earlier pipeline stages may have shifted.
 */
import type { ASTPath } from 'jscodeshift';
import { resolveLexical, type AnyNode, type LexicalDeclaration } from '../lib/lexical-scope';
import type { CalleeOrigin } from '../../src/core/promise-callees';

/** `'./db'` for `require('./db')` (a string-literal argument), else undefined. */
function getRequiredModule(init: AnyNode): string | undefined {
  const call = init?.type === 'AwaitExpression' ? undefined : init;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  const arg = call.arguments[0];
  return call.arguments.length === 1 && (arg.type === 'StringLiteral' || (arg.type === 'Literal' && typeof arg.value === 'string')) ? arg.value : undefined;
}

/** The import specifier (or TS import-equals declaration) that declares `decl`, found in the program body. */
function findImport(decl: LexicalDeclaration): { module: string; imported: string } | undefined {
  for (const s of (decl.scope.body ?? []) as AnyNode[]) {
    if (s.type === 'ImportDeclaration' && s.importKind !== 'type') {
      const spec = (s.specifiers as AnyNode[]).find((sp) => sp.local === decl.id);
      if (!spec) continue;
      if (spec.type === 'ImportDefaultSpecifier') return { module: s.source.value, imported: 'default' };
      if (spec.type === 'ImportNamespaceSpecifier') return { module: s.source.value, imported: '*' };
      return { module: s.source.value, imported: spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value };
    }
    if (s.type === 'TSImportEqualsDeclaration' && s.id === decl.id && s.moduleReference.type === 'TSExternalModuleReference') {
      return { module: s.moduleReference.expression.value, imported: '=' };
    }
  }
  return undefined;
}

/** The module binding a name at `fn` refers to: `{ module, imported }` with `imported` `*`/`=` for whole modules. */
function resolveModuleBinding(fn: ASTPath, name: string): { module: string; imported: string } | undefined {
  const decl = resolveLexical(fn, name);
  if (!decl) return undefined;
  if (decl.kind === 'import') return findImport(decl);
  if (decl.kind !== 'const' || !decl.declarator) return undefined;
  const module = getRequiredModule(decl.declarator.init);
  if (module === undefined) return undefined;
  const id = decl.declarator.id;
  if (id === decl.id) return { module, imported: '=' };
  if (id.type !== 'ObjectPattern') return undefined;
  const prop = (id.properties as AnyNode[]).find((p) => p.type !== 'RestElement' && p.value === decl.id && !p.computed);
  if (!prop) return undefined;
  return { module, imported: prop.key.type === 'Identifier' ? prop.key.name : String(prop.key.value) };
}

/**
 * The module origin of `callee` as seen from the wrapper at `fn`, or undefined when the callee is not
 * (a property of) an imported or required module.
 */
export function findCalleeOrigin(callee: AnyNode, fn: ASTPath): CalleeOrigin | undefined {
  if (callee.type === 'Identifier') {
    const binding = resolveModuleBinding(fn, callee.name);
    return binding && binding.imported !== '*' ? binding : undefined;
  }
  if (callee.type === 'MemberExpression' && !callee.computed && !callee.optional && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    const binding = resolveModuleBinding(fn, callee.object.name);
    if (binding && (binding.imported === '*' || binding.imported === '=')) return { module: binding.module, imported: callee.property.name };
  }
  return undefined;
}
