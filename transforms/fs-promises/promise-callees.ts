/**
 * Where each rewritten call gets its promise function from, reusing what the file already has:
 * 1. an fs/promises namespace in scope (`import * as fsp from 'fs/promises'`, `fs.promises` aliases);
 * 2. a function already imported from fs/promises (`import { readFile } from 'fs/promises'`);
 * 3. `fs.promises.x` when the file already reaches the promise API that way;
 * 4. otherwise a named import in the file's own style — `import { readFile } from 'node:fs/promises'`
 *    for ES modules and TypeScript, `const { readFile } = require('fs/promises')` for CommonJS —
 *    added to an existing fs/promises import when there is one, aliased when the name is taken.
 * fs-extra sites use fs-extra's own promise forms from the same module; modules named in the
 * `fsModules` option (Node's fs API, e.g. graceful-fs) use their `promises` export.
 *
 * New import statements are only recorded here ({@link PendingImport}); `addPromiseImports` writes them.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { pickFreeName, resolveDeclaration } from '../lib/bindings';
import type { FsBinding } from './find-fs-bindings';
import type { SyncSite } from './find-sync-call-sites';

type Expr = ReturnType<JSCodeshift['identifier']> | ReturnType<JSCodeshift['memberExpression']>;

/** A new import statement to add after `anchor` (or to put in its place if `anchor` becomes unused). */
export interface PendingImport {
  anchor: ASTPath;
  module: string;
  form: 'import' | 'require';
  /** `const`/`let`/`var` for requires, copied from the anchor. */
  declarationKind: string;
  /** [exported name, local name] pairs, in order of first use. */
  specifiers: Array<[string, string]>;
}

/** Per-file state: reused names, pending imports. */
export interface PromiseCallees {
  /** The expression that names the promise function `promiseName` for `site` (e.g. `readFile`, `fsp.readFile`). */
  calleeFor(site: SyncSite, promiseName: string): Expr;
  pending: PendingImport[];
  /** `require` declarations a property was added to, and the patterns that got it. */
  touched: Set<ASTPath>;
  touchedPatterns: Set<unknown>;
}

const isVisible = (site: SyncSite, binding: FsBinding): boolean => {
  const at = site.call ?? site.ref;
  const declaration = resolveDeclaration(at, binding.local);
  return binding.form === 'import-equals' ? declaration === undefined : declaration === binding.idNode;
};

const isTopLevel = (statement: ASTPath) => statement.parent?.node.type === 'Program';

const withNodePrefix = (module: string, target: string) => (module.startsWith('node:') ? `node:${target}` : target);

/**
 * Create the callee resolver for one file.
 * `usedNames` holds every name declared or referenced in the file; names picked here are added to it.
 */
export function createPromiseCallees(j: JSCodeshift, root: Collection, bindings: readonly FsBinding[], usedNames: Set<string>): PromiseCallees {
  const pending: PendingImport[] = [];
  const touched = new Set<ASTPath>();
  const touchedPatterns = new Set<unknown>();
  const member = (object: Expr | ReturnType<JSCodeshift['callExpression']>, name: string) => j.memberExpression(object, j.identifier(name));
  // require('fs/promises')
  const requireCall = (module: string) => j.callExpression(j.identifier('require'), [j.stringLiteral(module)]);

  // Memoised per name: a file with hundreds of `const fs = require('fs')` (one per bundled module) would
  // otherwise walk the whole tree once per site. The answer cannot change during the rewrite: `x.promises`
  // members are only written where the file already had one.
  const promisesMemberUse = new Map<string, boolean>();
  const usesPromisesMember = (local: string): boolean => {
    let uses = promisesMemberUse.get(local);
    if (uses === undefined) {
      uses = root.find(j.MemberExpression, { object: { type: 'Identifier', name: local }, property: { type: 'Identifier', name: 'promises' } }).size() > 0;
      promisesMemberUse.set(local, uses);
    }
    return uses;
  };

  /** Add `exported` to an existing named import/destructuring `statement`, or reuse its local. */
  const addToStatement = (binding: FsBinding, exported: string): string => {
    const statement = binding.statement.node as { type: string; specifiers?: unknown[]; declarations?: Array<{ id: { type: string; properties: unknown[] } }> };
    if (statement.type === 'ImportDeclaration') {
      const specifiers = statement.specifiers as Array<{ type: string; imported?: { name?: string }; local?: { name: string } }>;
      const existing = specifiers.find((s) => s.type === 'ImportSpecifier' && s.imported?.name === exported);
      if (existing?.local) return existing.local.name;
      const local = pickFreeName(exported, usedNames);
      specifiers.push(j.importSpecifier(j.identifier(exported), local === exported ? null : j.identifier(local)) as never);
      touched.add(binding.statement);
      return local;
    }
    const pattern = (binding.holder?.parent?.node ?? null) as { type: string; properties: Array<{ type: string; key?: { name?: string }; value?: { type: string; name?: string } }> } | null;
    if (pattern?.type === 'ObjectPattern') {
      const existing = pattern.properties.find((p) => p.type === 'ObjectProperty' && p.key?.name === exported && p.value?.type === 'Identifier');
      if (existing?.value?.name) return existing.value.name;
      const local = pickFreeName(exported, usedNames);
      // { readJsonSync, readJson }  or  { readJsonSync, readJson: readJsonAsync }
      const prop = j.objectProperty(j.identifier(exported), j.identifier(local));
      if (local === exported) (prop as { shorthand?: boolean }).shorthand = true;
      pattern.properties.push(prop as never);
      touched.add(binding.statement);
      touchedPatterns.add(pattern);
      return local;
    }
    throw new Error(`cannot add ${exported} to the declaration of ${binding.local}`);
  };

  /** A named fs/promises import for `name`, reusing an existing one or recording a new one. */
  const namedNodePromise = (site: SyncSite, name: string): string => {
    const binding = site.binding as FsBinding;
    const form = binding.form === 'require' ? 'require' : 'import';
    const existing = bindings.find(
      (b) => b.kind === 'promise-function' && b.form === binding.form && isVisible(site, b) && b.statement.parent?.node.type === 'Program',
    );
    if (existing) return addToStatement(existing, name);
    const module = withNodePrefix(binding.module, 'fs/promises');
    let entry = pending.find((p) => p.form === form && p.module.replace(/^node:/, '') === 'fs/promises' && (p.anchor === binding.statement || (isTopLevel(p.anchor) && isTopLevel(binding.statement))));
    if (!entry) {
      const declarationKind = (binding.statement.node as { kind?: string }).kind ?? 'const';
      entry = { anchor: binding.statement, module, form, declarationKind, specifiers: [] };
      pending.push(entry);
    }
    const found = entry.specifiers.find(([exported]) => exported === name);
    if (found) return found[1];
    const local = pickFreeName(name, usedNames);
    entry.specifiers.push([name, local]);
    return local;
  };

  const calleeFor = (site: SyncSite, name: string): Expr => {
    const binding = site.binding;
    if (site.family === 'fs-extra') {
      if (!binding) return member(requireCall(site.module) as never, name);
      if (binding.kind === 'namespace') return member(j.identifier(binding.local), name);
      return j.identifier(addToStatement(binding, name));
    }
    if (site.family === 'node-compatible') {
      if (!binding) return member(member(requireCall(site.module) as never, 'promises'), name);
      if (binding.kind === 'namespace') return member(member(j.identifier(binding.local), 'promises'), name);
      return member(j.identifier(addToStatement(binding, 'promises')), name);
    }
    const namespace = bindings.find((b) => b.kind === 'promises' && b.family === 'node' && isVisible(site, b));
    if (namespace) return member(j.identifier(namespace.local), name);
    const imported = bindings.find((b) => b.kind === 'promise-function' && b.imported === name && isVisible(site, b));
    if (imported) return j.identifier(imported.local);
    if (!binding) {
      return member(requireCall(withNodePrefix(site.module, 'fs/promises')) as never, name);
    }
    if ((binding.kind === 'namespace') && usesPromisesMember(binding.local)) return member(member(j.identifier(binding.local), 'promises'), name);
    return j.identifier(namedNodePromise(site, name));
  };

  return { calleeFor, pending, touched, touchedPatterns };
}
