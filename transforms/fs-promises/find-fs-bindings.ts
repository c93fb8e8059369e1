/**
 * Find every way the file gets at an fs module: `import fs from 'fs'`, `import * as fs from 'node:fs'`,
 * `import { readFileSync as read } from 'fs'`, `import fs = require('fs')`, `const fs = require('fs')`,
 * `const { readFileSync } = require('node:fs')`, and the promise API already in the file
 * (`fs/promises` imports and requires, `fs.promises` aliases) so it can be reused.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { fsModuleFamily, NODE_FS_PROMISES_MODULES, type FsModuleFamily } from '../../src/core/fs-api';

/** How the binding was declared: ES import, CommonJS require, or TypeScript `import x = require()`. */
export type BindingForm = 'import' | 'require' | 'import-equals';

/** One local name bound to an fs module (or to a part of it). */
export interface FsBinding {
  /**
   * `namespace`: the module object (`fs.readFileSync(…)`); `function`: one function
   * (`readFileSync(…)`); `promises`: an fs/promises namespace already in the file (`fsp.readFile`);
   * `promise-function`: one fs/promises function already imported (`readFile`).
   */
  kind: 'namespace' | 'function' | 'promises' | 'promise-function';
  local: string;
  /** Exported name for `function`/`promise-function` bindings, e.g. `readFileSync`. */
  imported?: string;
  /** The module specifier as written, e.g. `node:fs`. */
  module: string;
  family: FsModuleFamily;
  form: BindingForm;
  /** The declaring identifier node (undefined for `import x = require()`, which scope does not track). */
  idNode: unknown;
  /** The statement that declares it (ImportDeclaration, VariableDeclaration, TSImportEqualsDeclaration). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  statement: ASTPath<any>;
  /** The ImportSpecifier/ObjectProperty/VariableDeclarator path that holds the name, when there is one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  holder?: ASTPath<any>;
}

/** Options read by this step. */
export interface FindBindingsOptions {
  fsModules: readonly string[];
}

const isPromisesModule = (specifier: string) => (NODE_FS_PROMISES_MODULES as readonly string[]).includes(specifier);

/** `require('x')` with a string literal → 'x'; anything else → undefined. */
export function requiredModule(node: unknown): string | undefined {
  const call = node as { type?: string; callee?: { type?: string; name?: string }; arguments?: Array<{ type?: string; value?: unknown }> };
  if (call?.type !== 'CallExpression' || call.callee?.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  const arg = call.arguments?.[0];
  if (call.arguments?.length !== 1 || !arg || (arg.type !== 'StringLiteral' && arg.type !== 'Literal') || typeof arg.value !== 'string') return undefined;
  return arg.value;
}

/** Family of a specifier, counting fs/promises modules as `node`. */
function familyOf(specifier: string, options: FindBindingsOptions): FsModuleFamily | undefined {
  return isPromisesModule(specifier) ? 'node' : fsModuleFamily(specifier, options.fsModules);
}

function statementOf(path: ASTPath): ASTPath {
  let p: ASTPath = path;
  while (p.parent && p.node.type !== 'VariableDeclaration') p = p.parent;
  return p;
}

function collectImports(j: JSCodeshift, root: Collection, options: FindBindingsOptions, out: FsBinding[]): void {
  root.find(j.ImportDeclaration).forEach((decl) => {
    const specifier = String(decl.node.source.value);
    const family = familyOf(specifier, options);
    if (!family || (decl.node as { importKind?: string }).importKind === 'type') return;
    const promisesModule = isPromisesModule(specifier);
    j(decl)
      .find(j.Node)
      .filter((s) => s.parent === decl && /Import(Default|Namespace)?Specifier/.test(s.node.type))
      .forEach((spec) => {
        const node = spec.node as { type: string; local?: { name: string } | null; imported?: { name?: string; value?: string }; importKind?: string };
        if (!node.local || node.importKind === 'type') return;
        const base = { local: node.local.name, module: specifier, family, form: 'import' as const, idNode: node.local, statement: decl, holder: spec };
        if (node.type !== 'ImportSpecifier') {
          out.push({ ...base, kind: promisesModule ? 'promises' : 'namespace' });
          return;
        }
        const imported = node.imported?.name ?? node.imported?.value ?? node.local.name;
        if (imported === 'default') out.push({ ...base, kind: promisesModule ? 'promises' : 'namespace' });
        else if (imported === 'promises' && !promisesModule) out.push({ ...base, kind: 'promises' });
        else out.push({ ...base, kind: promisesModule ? 'promise-function' : 'function', imported });
      });
  });
}

function collectImportEquals(j: JSCodeshift, root: Collection, options: FindBindingsOptions, out: FsBinding[]): void {
  root.find(j.TSImportEqualsDeclaration).forEach((decl) => {
    const ref = decl.node.moduleReference;
    if (ref.type !== 'TSExternalModuleReference' || decl.node.id.type !== 'Identifier') return;
    const specifier = String(ref.expression.value);
    const family = familyOf(specifier, options);
    if (!family || (decl.node as { importKind?: string }).importKind === 'type') return;
    out.push({
      kind: isPromisesModule(specifier) ? 'promises' : 'namespace',
      local: decl.node.id.name,
      module: specifier,
      family,
      form: 'import-equals',
      idNode: undefined,
      statement: decl,
    });
  });
}

function collectRequires(j: JSCodeshift, root: Collection, options: FindBindingsOptions, out: FsBinding[]): void {
  root.find(j.VariableDeclarator).forEach((declarator) => {
    const init = declarator.node.init as { type?: string; object?: unknown; property?: { type?: string; name?: string }; computed?: boolean } | null;
    let specifier = requiredModule(init);
    let promisesMember = false;
    // const fsp = require('fs').promises
    if (!specifier && init?.type === 'MemberExpression' && !init.computed && init.property?.name === 'promises') {
      specifier = requiredModule(init.object);
      promisesMember = specifier !== undefined;
    }
    if (!specifier) return;
    const family = familyOf(specifier, options);
    if (!family) return;
    const statement = statementOf(declarator);
    const promisesModule = isPromisesModule(specifier);
    const id = declarator.node.id;
    const base = { module: specifier, family, form: 'require' as const, statement };
    if (id.type === 'Identifier') {
      const kind = promisesMember || promisesModule ? 'promises' : 'namespace';
      if (promisesMember && family !== 'node' && family !== 'node-compatible') return;
      out.push({ ...base, kind, local: id.name, idNode: id, holder: declarator });
      return;
    }
    if (id.type !== 'ObjectPattern' || promisesMember) return;
    j(declarator)
      .find(j.ObjectProperty)
      .filter((prop) => prop.parent?.node === id)
      .forEach((prop) => {
        const { key, value, computed } = prop.node;
        if (computed || value.type !== 'Identifier') return;
        const imported = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
        if (!imported) return;
        const kind = promisesModule ? 'promise-function' : imported === 'promises' ? 'promises' : 'function';
        out.push({ ...base, kind, local: value.name, imported, idNode: value, holder: prop });
      });
  });
}

/** All fs bindings of the file, in source order of their declarations. */
export function findFsBindings(j: JSCodeshift, root: Collection, options: FindBindingsOptions): FsBinding[] {
  const out: FsBinding[] = [];
  collectImports(j, root, options, out);
  collectImportEquals(j, root, options, out);
  collectRequires(j, root, options, out);
  return out;
}
