/**
 * Resolve a call's callee to a member of an I/O module through real bindings: imports, `require`,
 * TypeScript `import x = require()`, destructuring — resolved through scope, so a user's own
 * `runSync`, a parameter named `fs` or a shadowing variable is never Node's.
 */
import type { ASTPath } from 'jscodeshift';
import { ioModuleFor, type IoModule } from './io-apis';
import { lookupBindingPaths } from '../../transforms/lib/bindings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;
type AnyPath = ASTPath<AnyNode>;

/** A call resolved to an I/O module member. */
export interface ResolvedIoCall {
  module: IoModule;
  /** Member path below the module, e.g. `readFileSync`, `promises.readFile`, `realpathSync.native`. */
  member: string;
  /** How the call reads in the source, e.g. `fs.readFileSync`, `readFileSync`, `Atomics.wait`. */
  subject: string;
}

/** Per-file facts the resolver needs that ast-types' scope does not track. */
export interface ResolveContext {
  /** Names bound by top-level `import x = require('m')`, with their specifiers. */
  importEquals: Map<string, string>;
  /** User-named modules with Node's fs API. */
  extraFsModules: readonly string[];
}

/** The string value of a string literal node (Babel `StringLiteral` or ESTree `Literal`), or undefined. */
export function stringValue(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** The property name of a member expression (`a.b`, `a['b']`), or undefined when computed. */
export function propertyName(node: AnyNode): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed) return stringValue(node.property);
  if (node.property.type === 'PrivateName') return undefined;
  return undefined;
}

/** The declaring identifier path of `name` as seen from `path`, or undefined (global or unknown). */
export function bindingPath(path: AnyPath, name: string): AnyPath | undefined {
  return lookupBindingPaths(path, name)?.[0];
}

/** Is `name` unbound at `path` (a global such as `require` or `Atomics`)? */
export function isGlobal(path: AnyPath, name: string): boolean {
  return lookupBindingPaths(path, name) === undefined;
}

/** `require('m')` with a global `require`: the specifier, or undefined. */
export function requireSpecifier(node: AnyNode, path: AnyPath): string | undefined {
  if (!node || node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  if (node.arguments.length !== 1) return undefined;
  const spec = stringValue(node.arguments[0]);
  return spec !== undefined && isGlobal(path, 'require') ? spec : undefined;
}

/** Unwrap `await`, TS `as`/`!`/`satisfies` and parentheses around an initialiser. */
function unwrap(node: AnyNode): AnyNode {
  let n = node;
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'ParenthesizedExpression' || n.type === 'TypeCastExpression')) n = n.expression;
  return n;
}

/** Split `a.b.c` into the base node and the member names, or undefined for computed non-literal members. */
function memberChain(node: AnyNode): { base: AnyNode; names: string[] } | undefined {
  const names: string[] = [];
  let n = unwrap(node);
  while (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    const name = propertyName(n);
    if (name === undefined) return undefined;
    names.unshift(name);
    n = unwrap(n.object);
  }
  return { base: n, names };
}

/**
 * What the binding `name` at `path` is bound to, as a module specifier and the member names the
 * binding already selects (`import { promises as p } from 'fs'` → `['promises']`), or undefined
 * when it is not bound to a module.
 */
function moduleOfBinding(path: AnyPath, name: string, ctx: ResolveContext): { specifier: string; prefix: string[] } | undefined {
  const bindings: AnyPath[] | undefined = lookupBindingPaths(path, name);
  if (bindings === undefined) {
    const spec = ctx.importEquals.get(name);
    return spec ? { specifier: spec, prefix: [] } : undefined;
  }
  if (bindings.length === 0) return undefined;
  const idPath = bindings[0];
  const parent = idPath.parent?.node;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier': {
      const decl = idPath.parent.parent.node;
      if (decl.importKind === 'type') return undefined;
      return { specifier: decl.source.value, prefix: [] };
    }
    case 'ImportSpecifier': {
      const decl = idPath.parent.parent.node;
      if (decl.importKind === 'type' || parent.importKind === 'type') return undefined;
      const imported = parent.imported.type === 'Identifier' ? parent.imported.name : stringValue(parent.imported);
      if (!imported) return undefined;
      return { specifier: decl.source.value, prefix: imported === 'default' ? [] : [imported] };
    }
    case 'VariableDeclarator': {
      if (parent.id !== idPath.node) return undefined;
      return moduleOfInit(parent.init, idPath.parent, []);
    }
    case 'ObjectProperty':
    case 'Property': {
      // const { readFileSync: read } = require('fs')
      const pattern = idPath.parent.parent;
      if (pattern?.node.type !== 'ObjectPattern' || parent.value !== idPath.node) return undefined;
      const key = parent.computed ? stringValue(parent.key) : parent.key.type === 'Identifier' ? parent.key.name : stringValue(parent.key);
      const declarator = pattern.parent;
      if (!key || declarator?.node.type !== 'VariableDeclarator' || declarator.node.id !== pattern.node) return undefined;
      return moduleOfInit(declarator.node.init, declarator, [key]);
    }
    default:
      return undefined;
  }
}

/** The module an initialiser evaluates to: `require('m')`, `require('m').x`, `await import('m')`. */
function moduleOfInit(init: AnyNode, path: AnyPath, suffix: string[]): { specifier: string; prefix: string[] } | undefined {
  if (!init) return undefined;
  const chain = memberChain(init);
  if (!chain) return undefined;
  let base = chain.base;
  if (base.type === 'AwaitExpression') base = unwrap(base.argument);
  let specifier = requireSpecifier(base, path);
  if (specifier === undefined && base.type === 'ImportExpression') specifier = stringValue(base.source);
  if (specifier === undefined && base.type === 'CallExpression' && base.callee.type === 'Import') specifier = stringValue(base.arguments[0]);
  if (specifier === undefined) return undefined;
  const names = chain.names[0] === 'default' ? chain.names.slice(1) : chain.names;
  return { specifier, prefix: [...names, ...suffix] };
}

/**
 * Resolve the callee of the call at `path` to an I/O module member, or undefined when it is not one.
 * Handles `fs.readFileSync()`, `readFileSync()` (named import or destructured require),
 * `require('fs').readFileSync()`, `fs.promises.readFile()`, `fs.realpathSync.native()`,
 * `import fs = require('fs')`, and the global `Atomics.wait()`.
 */
export function resolveIoCall(path: AnyPath, ctx: ResolveContext): ResolvedIoCall | undefined {
  const call = path.node;
  const chain = memberChain(call.callee);
  if (!chain) return undefined;
  const { base, names } = chain;
  let specifier: string | undefined;
  let prefix: string[] = [];
  let subjectBase: string;
  if (base.type === 'Identifier') {
    subjectBase = base.name;
    if (base.name === 'Atomics' && names.length === 1 && isGlobal(path, 'Atomics')) {
      return { module: { family: 'Atomics', specifier: 'Atomics' }, member: names[0], subject: `Atomics.${names[0]}` };
    }
    const bound = moduleOfBinding(path, base.name, ctx);
    if (!bound) return undefined;
    specifier = bound.specifier;
    prefix = bound.prefix;
  } else {
    specifier = requireSpecifier(base, path);
    if (specifier === undefined) return undefined;
    subjectBase = `require('${specifier}')`;
  }
  const module = ioModuleFor(specifier, ctx.extraFsModules);
  if (!module) return undefined;
  const members = [...prefix, ...names];
  if (members.length === 0) return undefined;
  // `fs.promises.x` / `import { promises } from 'fs'`: the promise API of an fs module
  const member = members.join('.');
  return { module, member, subject: [subjectBase, ...names].join('.') };
}
