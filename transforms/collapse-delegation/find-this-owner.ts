/**
 * What `this` means inside a wrapper: an instance of a class declared in this file, the class itself
 * (static members), or something the transform cannot know (a plain function, an object method, a
 * top-level arrow).
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';

/** The class `this` refers to, and how reliably. */
export type ThisOwner =
  | {
      known: true;
      /** The ClassDeclaration / ClassExpression path. */
      classPath: ASTPath;
      /** True when `this` is the class constructor (static method, static field, static block). */
      isStatic: boolean;
      /**
       * True when `this` comes from how a method is called, so a detached call (`const m = obj.m; m()`)
       * or `m.call(other)` gives another `this`; false for field initialisers, static blocks and
       * constructors, where the language fixes `this`.
       */
      callerChosen: boolean;
      /** True when `this` is bound by a constructor (then it throws before `super()` in a derived class). */
      inConstructor: boolean;
    }
  | { known: false; why: string };

const FIELD_TYPES = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'PropertyDefinition']);
const CLASS_TYPES = new Set(['ClassDeclaration', 'ClassExpression']);

/** The class path around a ClassBody member path (member → ClassBody → class). */
function classOfMember(member: ASTPath): ASTPath | undefined {
  const body = member.parent;
  const cls = body?.parent;
  return body?.node.type === 'ClassBody' && cls && CLASS_TYPES.has(cls.node.type) ? cls : undefined;
}

/**
 * Find what `this` is inside the function at `fn`: walk out through arrow functions to the nearest
 * function, class field or static block that binds `this`.
 */
export function findThisOwner(fn: ASTPath): ThisOwner {
  let from: AnyNode = fn.node;
  for (let p: ASTPath | null = fn; p; p = p.parent) {
    const node: AnyNode = p.node;
    if (node.type === 'ArrowFunctionExpression') {
      from = node;
      continue;
    }
    if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') {
      const classPath = classOfMember(p);
      if (!classPath) return { known: false, why: 'method outside a class body' };
      const inConstructor = node.kind === 'constructor';
      return { known: true, classPath, isStatic: Boolean(node.static), callerChosen: !inConstructor, inConstructor };
    }
    if (FIELD_TYPES.has(node.type) && node.value === from) {
      const classPath = classOfMember(p);
      if (!classPath) return { known: false, why: 'field outside a class body' };
      return { known: true, classPath, isStatic: Boolean(node.static), callerChosen: false, inConstructor: false };
    }
    if (node.type === 'StaticBlock') {
      const classPath = classOfMember(p);
      if (!classPath) return { known: false, why: 'static block outside a class body' };
      return { known: true, classPath, isStatic: true, callerChosen: false, inConstructor: false };
    }
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ObjectMethod') {
      return { known: false, why: `\`this\` in ${node.type === 'ObjectMethod' ? 'an object literal method' : 'a plain function'} is whatever the caller passes` };
    }
    if (node.type === 'Program') return { known: false, why: '`this` at top level' };
    from = node;
  }
  return { known: false, why: '`this` has no binding function' };
}
