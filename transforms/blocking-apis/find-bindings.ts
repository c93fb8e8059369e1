/**
 * Find the top-level bindings of the modules the blocking-apis transform reads or adds: child_process,
 * zlib and crypto (the table's modules), util (`promisify`) and timers/promises (`setTimeout`) — every
 * form: `import x from`, `import * as x from`, `import { a as b } from`, `import x = require()`,
 * `const x = require()`, `const { a: b } = require()`, with or without the `node:` prefix.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { blockingModuleOf } from '../../src/core/blocking-api';
import { requiredModule } from '../fs-promises/find-fs-bindings';

/** The modules this transform cares about, by their bare name. */
export type KnownModule = 'child_process' | 'zlib' | 'crypto' | 'util' | 'timers/promises';

/** One local name bound to a module (`namespace`) or to one of its exports (`named`). */
export interface ModuleBinding {
  kind: 'namespace' | 'named';
  module: KnownModule;
  /** The specifier as written, e.g. `node:child_process`. */
  specifier: string;
  local: string;
  /** The exported name for `named` bindings. */
  imported?: string;
  form: 'import' | 'require' | 'import-equals';
  /** The declaring identifier node (undefined for `import x = require()`, which scope does not track). */
  idNode: unknown;
  /** The top-level statement that declares it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  statement: ASTPath<any>;
  /** The ImportSpecifier / ObjectProperty that holds a named binding. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  holder?: ASTPath<any>;
}

/** `node:util` → `util`; undefined for a module this transform does not read. */
export function knownModuleOf(specifier: string): KnownModule | undefined {
  const blocking = blockingModuleOf(specifier);
  if (blocking) return blocking;
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return bare === 'util' || bare === 'timers/promises' ? bare : undefined;
}

const isTopLevel = (statement: ASTPath): boolean => statement.parent?.node.type === 'Program';

function collectImports(j: JSCodeshift, root: Collection, out: ModuleBinding[]): void {
  root.find(j.ImportDeclaration).forEach((decl) => {
    const specifier = String(decl.node.source.value);
    const module = knownModuleOf(specifier);
    if (!module || (decl.node as { importKind?: string }).importKind === 'type') return;
    for (const [index, spec] of (decl.node.specifiers ?? []).entries()) {
      const node = spec as { type: string; local?: { name: string } | null; imported?: { name?: string; value?: string }; importKind?: string };
      if (!node.local || node.importKind === 'type') continue;
      const holder = decl.get('specifiers', index) as ASTPath;
      const base = { module, specifier, local: node.local.name, form: 'import' as const, idNode: node.local, statement: decl, holder };
      const imported = node.type === 'ImportSpecifier' ? (node.imported?.name ?? node.imported?.value ?? node.local.name) : 'default';
      if (imported === 'default') out.push({ ...base, kind: 'namespace' });
      else out.push({ ...base, kind: 'named', imported });
    }
  });
}

function collectImportEquals(j: JSCodeshift, root: Collection, out: ModuleBinding[]): void {
  root.find(j.TSImportEqualsDeclaration).forEach((decl) => {
    const ref = decl.node.moduleReference;
    if (ref.type !== 'TSExternalModuleReference' || decl.node.id.type !== 'Identifier' || !isTopLevel(decl)) return;
    const specifier = String(ref.expression.value);
    const module = knownModuleOf(specifier);
    if (!module) return;
    out.push({ kind: 'namespace', module, specifier, local: decl.node.id.name, form: 'import-equals', idNode: undefined, statement: decl });
  });
}

function collectRequires(j: JSCodeshift, root: Collection, out: ModuleBinding[]): void {
  root.find(j.VariableDeclarator).forEach((declarator) => {
    const specifier = requiredModule(declarator.node.init);
    const module = specifier ? knownModuleOf(specifier) : undefined;
    const statement = declarator.parent as ASTPath;
    if (!specifier || !module || statement?.node.type !== 'VariableDeclaration' || !isTopLevel(statement)) return;
    const id = declarator.node.id;
    const base = { module, specifier, form: 'require' as const, statement };
    if (id.type === 'Identifier') {
      out.push({ ...base, kind: 'namespace', local: id.name, idNode: id, holder: declarator });
      return;
    }
    if (id.type !== 'ObjectPattern') return;
    id.properties.forEach((prop, index) => {
      if (prop.type !== 'ObjectProperty' || prop.computed || prop.value.type !== 'Identifier') return;
      const key = prop.key as { type: string; name?: string; value?: string };
      const imported = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
      if (!imported) return;
      out.push({ ...base, kind: 'named', local: prop.value.name, imported, idNode: prop.value, holder: declarator.get('id', 'properties', index) as ASTPath });
    });
  });
}

/** Every top-level binding of a known module, in source order. */
export function findModuleBindings(j: JSCodeshift, root: Collection): ModuleBinding[] {
  const out: ModuleBinding[] = [];
  collectImports(j, root, out);
  collectImportEquals(j, root, out);
  collectRequires(j, root, out);
  return out.sort((a, b) => ((a.statement.node as { start?: number }).start ?? 0) - ((b.statement.node as { start?: number }).start ?? 0));
}
