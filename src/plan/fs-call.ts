/**
 * Recognise a sync fs call that fs-promises can rewrite, resolving the fs binding through the
 * checker's symbols (so a local function named `readFileSync` or a parameter named `fs` is not one).
 *
 * Bindings understood: `import { readFileSync as read } from 'fs'`, `import fs from 'node:fs'`,
 * `import * as fs from 'fs'`, `import fs = require('fs')`, `const fs = require('fs')`,
 * `const { readFileSync } = require('fs')`, `require('fs').readFileSync(…)`, and `realpathSync.native`.
 * The table (which names, which kinds) is src/core/fs-api.ts, shared with fs-promises.
 */
import { ts } from 'ts-morph';
import { fsModuleFamily, lookupSyncApi, type SyncApi } from '../core/fs-api';

/** `require('m')` → 'm'. */
function requiredModule(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'require' && expr.arguments.length === 1) {
    const arg = expr.arguments[0];
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

/** The module specifier a declaration binds a whole module from (namespace, default, require). */
export function moduleOfNamespaceDeclaration(decl: ts.Declaration): string | undefined {
  if (ts.isNamespaceImport(decl) || ts.isImportClause(decl)) {
    const importDecl = ts.isNamespaceImport(decl) ? decl.parent.parent : decl.parent;
    return ts.isStringLiteral(importDecl.moduleSpecifier) ? importDecl.moduleSpecifier.text : undefined;
  }
  if (ts.isImportEqualsDeclaration(decl) && ts.isExternalModuleReference(decl.moduleReference)) {
    const e = decl.moduleReference.expression;
    return ts.isStringLiteral(e) ? e.text : undefined;
  }
  if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) return requiredModule(decl.initializer);
  return undefined;
}

/** For a named binding (`import { x as y }`, `const { x: y } = require()`), the module and the imported name. */
export function moduleOfNamedDeclaration(decl: ts.Declaration): { module: string; name: string } | undefined {
  if (ts.isImportSpecifier(decl)) {
    const importDecl = decl.parent.parent.parent;
    if (!ts.isStringLiteral(importDecl.moduleSpecifier)) return undefined;
    return { module: importDecl.moduleSpecifier.text, name: (decl.propertyName ?? decl.name).text };
  }
  if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent) && ts.isVariableDeclaration(decl.parent.parent)) {
    const module = requiredModule(decl.parent.parent.initializer);
    const nameNode = decl.propertyName ?? decl.name;
    if (module && ts.isIdentifier(nameNode)) return { module, name: nameNode.text };
  }
  return undefined;
}

/** The sync fs function a call's callee names, with its module, or undefined. */
export function resolveFsCallee(callee: ts.Expression, checker: ts.TypeChecker): { module: string; name: string } | undefined {
  // realpathSync.native(p) is realpathSync(p)
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'native') {
    const inner = resolveFsCallee(callee.expression, checker);
    return inner?.name === 'realpathSync' ? inner : undefined;
  }
  if (ts.isIdentifier(callee)) {
    const decl = checker.getSymbolAtLocation(callee)?.declarations?.[0];
    return decl ? moduleOfNamedDeclaration(decl) : undefined;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const direct = requiredModule(callee.expression);
    if (direct) return { module: direct, name };
    if (ts.isIdentifier(callee.expression)) {
      const decl = checker.getSymbolAtLocation(callee.expression)?.declarations?.[0];
      const module = decl ? moduleOfNamespaceDeclaration(decl) : undefined;
      if (module) return { module, name };
    }
  }
  return undefined;
}

/**
 * The table row of a sync fs call that fs-promises rewrites (`twin` or `exists`), or undefined:
 * not an fs call, an fd or different-shape API, spread arguments, or a numeric first argument where
 * the function accepts a file descriptor (fs-promises leaves those alone and reports them).
 * `extraModules`: the `fsModules` option (modules with Node's fs API, e.g. graceful-fs).
 */
export function rewritableFsCall(call: ts.CallExpression, checker: ts.TypeChecker, extraModules: readonly string[] = []): SyncApi | undefined {
  // Cheap filter: a property call must be named xSync (or realpathSync.native); an identifier may be
  // an alias (`import { readFileSync as read }`), so its binding decides.
  if (ts.isPropertyAccessExpression(call.expression)) {
    const name = call.expression.name.text;
    if (!name.endsWith('Sync') && name !== 'native') return undefined;
  } else if (!ts.isIdentifier(call.expression)) return undefined;
  const resolved = resolveFsCallee(call.expression, checker);
  if (!resolved) return undefined;
  const family = fsModuleFamily(resolved.module, extraModules);
  if (!family) return undefined;
  const api = lookupSyncApi(family, resolved.name);
  if (!api || (api.kind !== 'twin' && api.kind !== 'exists')) return undefined;
  if (call.arguments.some((a) => ts.isSpreadElement(a))) return undefined;
  const first = call.arguments[0];
  if (api.acceptsFd && first) {
    if (ts.isNumericLiteral(first)) return undefined;
    const type = checker.getTypeAtLocation(first);
    if (type.flags & ts.TypeFlags.NumberLike) return undefined;
  }
  return api;
}
