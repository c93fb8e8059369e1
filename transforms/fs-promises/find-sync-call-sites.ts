/**
 * Find the sync fs sites of a file: calls (`fs.readFileSync(p)`, `readFileSync(p)`,
 * `require('fs').readFileSync(p)`, `fs.realpathSync.native(p)`) and references that are not calls
 * (`files.map(fs.readFileSync)`), each resolved through scope to a real fs binding.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { resolveDeclaration, isBindingOrReference } from '../lib/bindings';
import { fsModuleFamily, lookupSyncApi, type FsModuleFamily, type SyncApi } from '../../src/core/fs-api';
import { requiredModule, type FsBinding } from './find-fs-bindings';

/** A site that uses a sync fs function. */
export interface SyncSite {
  /** The call expression, or undefined when the function is used as a value. */
  call?: ASTPath;
  /** The reference to the sync function (member expression or identifier), for locations. */
  ref: ASTPath;
  /** The binding it came through, or undefined for an inline `require('fs')`. */
  binding?: FsBinding;
  /** Module specifier and family (from the binding or the inline require). */
  module: string;
  family: FsModuleFamily;
  /** The sync name as exported by the module, e.g. `readFileSync`. */
  syncName: string;
  /** The table row, or undefined when the name is not in the table. */
  api?: SyncApi;
  /** `fs.realpathSync.native(…)`. */
  native?: boolean;
}

/** Options read by this step. */
export interface FindSitesOptions {
  fsModules: readonly string[];
}

const propertyName = (member: { property?: { type?: string; name?: string; value?: unknown }; computed?: boolean }): string | undefined => {
  const prop = member.property;
  if (!prop) return undefined;
  if (!member.computed && prop.type === 'Identifier') return prop.name;
  if (member.computed && (prop.type === 'StringLiteral' || prop.type === 'Literal') && typeof prop.value === 'string') return prop.value;
  return undefined;
};

/** Is the identifier at `path` part of `binding`'s own declaration (`{ readFileSync }`, `import { a as b }`)? */
export function isDeclarationPart(path: ASTPath, binding: FsBinding): boolean {
  if (path.node === binding.idNode) return true;
  const parent = path.parent?.node;
  return parent !== undefined && (parent === binding.holder?.node || parent === binding.statement.node);
}

/** Does the identifier at `path` resolve to `binding`? */
export function refersTo(path: ASTPath, binding: FsBinding): boolean {
  const name = (path.node as { name: string }).name;
  const declaration = resolveDeclaration(path, name);
  if (binding.form === 'import-equals') return declaration === undefined;
  return declaration === binding.idNode;
}

/** Build the site for a reference to sync function `syncName` at `ref`. */
function siteFor(ref: ASTPath, syncName: string, module: string, family: FsModuleFamily, binding?: FsBinding): SyncSite {
  const parent = ref.parent?.node as { type: string; callee?: unknown; object?: unknown; property?: unknown; computed?: boolean };
  let call: ASTPath | undefined;
  let native = false;
  if (parent?.type === 'CallExpression' && parent.callee === ref.node) call = ref.parent;
  else if (
    syncName === 'realpathSync' &&
    parent?.type === 'MemberExpression' &&
    parent.object === ref.node &&
    propertyName(parent as never) === 'native' &&
    ref.parent.parent?.node.type === 'CallExpression' &&
    (ref.parent.parent.node as { callee: unknown }).callee === parent
  ) {
    call = ref.parent.parent;
    native = true;
  }
  return { call, ref, binding, module, family, syncName, api: lookupSyncApi(family, syncName), native };
}

/** Is `ref` only the target of `typeof`, a member read (`fs.readFileSync.name`) or similar non-use? */
function isHarmlessNonCall(ref: ASTPath): boolean {
  const parent = ref.parent?.node as { type: string; operator?: string; object?: unknown };
  if (!parent) return false;
  if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === ref.node) return true;
  return false;
}

/** Every sync fs site of the file, in source order. */
export function findSyncCallSites(j: JSCodeshift, root: Collection, bindings: readonly FsBinding[], options: FindSitesOptions): SyncSite[] {
  const sites: SyncSite[] = [];
  const namespaces = bindings.filter((b) => b.kind === 'namespace');
  const functions = bindings.filter((b) => b.kind === 'function' && b.imported?.endsWith('Sync'));

  if (namespaces.length > 0) {
    const names = new Set(namespaces.map((b) => b.local));
    root.find(j.MemberExpression).forEach((member) => {
      const object = member.node.object;
      if (object.type !== 'Identifier' || !names.has(object.name)) return;
      const syncName = propertyName(member.node as never);
      if (!syncName?.endsWith('Sync')) return;
      const objectPath = member.get('object') as ASTPath;
      const binding = namespaces.find((b) => b.local === object.name && refersTo(objectPath, b));
      if (!binding) return;
      const site = siteFor(member, syncName, binding.module, binding.family, binding);
      if (site.call || !isHarmlessNonCall(member)) sites.push(site);
    });
  }

  for (const binding of functions) {
    root.find(j.Identifier, { name: binding.local }).forEach((id) => {
      if (isDeclarationPart(id, binding) || !isBindingOrReference(id) || !refersTo(id, binding)) return;
      const parentType = id.parent?.node.type;
      if (parentType === 'ImportSpecifier' || parentType === 'ExportSpecifier') return;
      const site = siteFor(id, binding.imported as string, binding.module, binding.family, binding);
      if (site.call || !isHarmlessNonCall(id)) sites.push(site);
    });
  }

  // require('fs').readFileSync(…)
  root.find(j.MemberExpression).forEach((member) => {
    const module = requiredModule(member.node.object);
    if (!module) return;
    const family = fsModuleFamily(module, options.fsModules);
    const syncName = propertyName(member.node as never);
    if (!family || !syncName?.endsWith('Sync')) return;
    const requireCall = member.get('object') as ASTPath;
    if (resolveDeclaration(requireCall.get('callee') as ASTPath, 'require')) return; // a local `require` is not Node's
    sites.push(siteFor(member, syncName, module, family));
  });

  return sites.sort((a, b) => ((a.ref.node as { start?: number }).start ?? 0) - ((b.ref.node as { start?: number }).start ?? 0));
}
