/**
 * Can reading a binding from inside a wrapper throw a ReferenceError (temporal dead zone)?
 *
 * ECMAScript leaves `let`/`const`/`class` bindings uninitialised until their declaration runs (the
 * "temporal dead zone"); reading one earlier throws a ReferenceError — synchronously. An `async` wrapper would
 * turn that into a rejected promise; a collapsed one throws, so the transform must know the binding is
 * initialised whenever the wrapper can run.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode, LexicalDeclaration } from '../lib/lexical-scope';

/** The end offset of the declaration that initialises `decl` (declarator, class, parameter, catch clause). */
function getInitialisedAt(decl: LexicalDeclaration): number | undefined {
  if (decl.declarator) return decl.declarator.end;
  if (decl.param) return decl.param.end;
  if (decl.kind === 'catch') return decl.id.end;
  if (decl.kind === 'class') {
    const statements: AnyNode[] = decl.scope.body ?? [];
    for (const s of statements) {
      const c = /^Export/.test(s.type) ? s.declaration : s;
      if (c?.type === 'ClassDeclaration' && c.id === decl.id) return c.end;
    }
  }
  return undefined;
}

/**
 * True when the binding `decl` is certainly initialised whenever the wrapper function at `fn` runs:
 * - `var`, function declarations, imports, enums and namespaces are always readable (a `var` may be
 *   `undefined`, which is a value, not an error; see the transform docs for imports in module cycles);
 * - the wrapper's own parameters are bound before its body runs;
 * - otherwise the declaration must end before the wrapper starts in the source, the wrapper must not
 *   be inside a hoisted function declaration below the binding's scope (a hoisted function can be
 *   called before the declaration runs), and the binding must not come from a `switch` case (a jump
 *   to a later case skips it).
 */
export function isInitialisedBeforeCall(decl: LexicalDeclaration, fn: ASTPath): boolean {
  if (decl.kind === 'var' || decl.kind === 'function' || decl.kind === 'import' || decl.kind === 'enum' || decl.kind === 'namespace') return true;
  if (decl.kind === 'param' && decl.scope === fn.node) return true;
  if (decl.scope.type === 'SwitchStatement') return false;
  const initialisedAt = getInitialisedAt(decl);
  const fnStart: number | undefined = (fn.node as AnyNode).start;
  if (initialisedAt === undefined || fnStart === undefined || initialisedAt > fnStart) return false;
  for (let p: ASTPath | null = fn; p; p = p.parent) {
    if (p.node === decl.scope) return true;
    if (p.node.type === 'FunctionDeclaration') return false;
  }
  return false;
}
