/**
 * Resolving identifiers to their declarations through scope, so that only real bindings are touched:
 * a local function named `readFileSync`, a parameter named `fs` or a shadowing variable resolve to
 * their own declarations, not to the import.
 *
 * ast-types' scope tracker does not register `import x = require('…')` (TypeScript); those bindings
 * are found by {@link findImportEqualsNames} and an unresolved top-level lookup falls back to them.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/** A node that declares a name: the identifier in the declaration. */
export type DeclaringIdentifier = { type: 'Identifier'; name: string };

/**
 * The declaring identifier node a reference named `name` at `path` resolves to, or `undefined` when
 * no scope declares it (a global, or a TypeScript `import x = require()` binding).
 */
export function resolveDeclaration(path: ASTPath, name: string): DeclaringIdentifier | undefined {
  const paths = lookupBindingPaths(path, name);
  return paths && paths.length > 0 ? (paths[0].node as DeclaringIdentifier) : undefined;
}

type Scope = { declares(n: string): boolean; getBindings(): Record<string, ASTPath[]>; parent: Scope | null };

/**
 * The declaration paths of `name` as seen from `path` (ast-types scope chain), or undefined.
 * ast-types throws while scanning a `catch {}` clause without a parameter; such a scope declares
 * nothing, so the walk goes on to its parent.
 */
export function lookupBindingPaths(path: ASTPath, name: string): ASTPath[] | undefined {
  let scope = (path as ASTPath & { scope?: Scope | null }).scope ?? null;
  while (scope) {
    let declares = false;
    try {
      declares = scope.declares(name);
    } catch {
      declares = false;
    }
    if (declares) return scope.getBindings()[name];
    scope = scope.parent;
  }
  return undefined;
}

/**
 * True when the identifier at `path` is a reference or a declaration (a name that scope resolves),
 * false for property names (`a.name`, `{ name: 1 }`, `name() {}`), labels and type-only positions.
 */
export function isBindingOrReference(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; [key: string]: unknown } | undefined;
  const node = path.node;
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed === true;
    case 'ObjectProperty':
    case 'Property':
      return parent.value === node || (parent.computed === true && parent.key === node) || parent.shorthand === true;
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    {
      const member = parent as { key?: unknown; computed?: boolean };
      return member.key !== node || member.computed === true;
    }
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ImportSpecifier':
      return parent.local === node;
    case 'ExportSpecifier':
      return parent.local === node;
    case 'TSQualifiedName':
      return parent.left === node;
    case 'TSTypeReference':
    case 'TSExpressionWithTypeArguments':
    case 'TSInterfaceHeritage':
      return false;
    default:
      return true;
  }
}

/** Names bound by top-level `import x = require('…')` declarations, with their module specifiers. */
export function findImportEqualsNames(j: JSCodeshift, root: Collection): Map<string, string> {
  const names = new Map<string, string>();
  root.find(j.TSImportEqualsDeclaration).forEach((p) => {
    const ref = p.node.moduleReference;
    if (ref.type === 'TSExternalModuleReference' && ref.expression.type === 'StringLiteral' && p.node.id.type === 'Identifier') {
      names.set(p.node.id.name, ref.expression.value);
    }
  });
  return names;
}

/**
 * Every name that is declared or referenced anywhere in the file (property names excluded): a new
 * import must not take one of these.
 */
export function collectUsedNames(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach((p) => {
    if (isBindingOrReference(p)) names.add(p.node.name);
  });
  return names;
}

/**
 * A free name based on `wanted`: `wanted` itself when unused, else `wantedAsync`, `wantedAsync2`, ….
 * The chosen name is added to `used`.
 */
export function pickFreeName(wanted: string, used: Set<string>): string {
  let name = wanted;
  for (let n = 1; used.has(name); n++) name = n === 1 ? `${wanted}Async` : `${wanted}Async${n}`;
  used.add(name);
  return name;
}
