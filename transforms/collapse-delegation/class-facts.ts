/**
 * Facts about a class that decide whether its methods form a "family" (base, overrides, interface
 * members) and whether a method reached as `this.m` could be replaced by code the transform does not
 * see (a subclass in another file, a write to the prototype, an own property on the instance).
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isBindingOrReference } from '../lib/bindings';
import { resolveLexical, type AnyNode } from '../lib/lexical-scope';

/** The name the rest of the file uses for a class, with its declaring identifier. */
interface ClassBinding {
  name: string;
  id: AnyNode;
  exported: boolean;
}

/** `class C {}`, `export class C {}`, `const C = class {}` → C; anonymous classes → undefined. */
function getClassBinding(classPath: ASTPath): ClassBinding | undefined {
  const node: AnyNode = classPath.node;
  const parent: AnyNode = classPath.parent?.node;
  if (node.type === 'ClassDeclaration' && node.id) {
    return { name: node.id.name, id: node.id, exported: /^Export/.test(parent?.type ?? '') };
  }
  if (node.type === 'ClassExpression' && parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const declaration: AnyNode = classPath.parent?.parent?.node;
    const exported = /^Export/.test(classPath.parent?.parent?.parent?.node.type ?? '');
    return declaration?.kind === 'const' ? { name: parent.id.name, id: parent.id, exported } : undefined;
  }
  return undefined;
}

/** Classes in the file whose `extends` clause names this class. */
function isExtendedInFile(j: JSCodeshift, root: Collection, binding: ClassBinding): boolean {
  let extended = false;
  root.find(j.Identifier, { name: binding.name }).forEach((p: ASTPath) => {
    const parent: AnyNode = p.parent?.node;
    if (parent && /^Class/.test(parent.type) && parent.superClass === p.node && resolveLexical(p, binding.name)?.id === binding.id) extended = true;
  });
  return extended;
}

/**
 * Why the class's methods belong to a method family — `extends`, `implements`, `abstract`, or a
 * subclass in this file — or undefined when they do not.
 */
export function findClassFamily(j: JSCodeshift, root: Collection, classPath: ASTPath): string | undefined {
  const node: AnyNode = classPath.node;
  if (node.superClass) return 'its class extends another class';
  if (node.implements && node.implements.length > 0) return 'its class implements an interface';
  if (node.abstract) return 'its class is abstract';
  const binding = getClassBinding(classPath);
  if (binding && isExtendedInFile(j, root, binding)) return `class ${binding.name} is extended in this file`;
  return undefined;
}

/** True for a reference to the class that cannot hand the class to unknown code. */
function isContainedReference(p: ASTPath): boolean {
  const parent: AnyNode = p.parent?.node;
  if (!parent) return false;
  if (parent.type === 'NewExpression' && parent.callee === p.node) return true;
  if (parent.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === p.node) return true;
  if (parent.type === 'TSTypeQuery') return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === p.node) {
    return !parent.computed && parent.property.type === 'Identifier' && parent.property.name !== 'prototype';
  }
  return false;
}

/**
 * Why a method reached as `this.<name>` from inside the class at `classPath` could be something else
 * than the class's own declaration at run time, or undefined when it cannot:
 * - the class is anonymous, exported, or its name is used other than as `new C()`, `C.x`,
 *   `x instanceof C` or a type — then a subclass elsewhere may override the method;
 * - a class in this file extends it;
 * - the file assigns a property `<name>` on any object (`x.<name> = …`), or copies into `this`
 *   (`Object.assign(this, …)`, `Object.defineProperty(this, …)`, `this[k] = …`).
 * Not detected (documented limitation): `Object.defineProperty(other, '<name>', …)` on an object that
 * is not `this`, and computed-key writes on other objects (`obj[k] = …` where k happens to be the name).
 */
export function findMethodReplacement(j: JSCodeshift, root: Collection, classPath: ASTPath, name: string): string | undefined {
  const binding = getClassBinding(classPath);
  if (!binding) return 'the class is anonymous, so code elsewhere may subclass it and override the method';
  if (binding.exported) return `class ${binding.name} is exported, so a subclass elsewhere may override ${name}`;
  if (isExtendedInFile(j, root, binding)) return `class ${binding.name} is extended in this file`;
  let escape: string | undefined;
  root.find(j.Identifier, { name: binding.name }).forEach((p: ASTPath) => {
    if (escape || p.node === binding.id || !isBindingOrReference(p)) return;
    if (resolveLexical(p, binding.name)?.id !== binding.id) return;
    if (!isContainedReference(p)) escape = `class ${binding.name} is passed around as a value (line ${(p.node as AnyNode).loc?.start.line}), so code elsewhere may subclass it`;
  });
  if (escape) return escape;
  root.find(j.AssignmentExpression).forEach((p: ASTPath) => {
    const left: AnyNode = (p.node as AnyNode).left;
    if (escape || (left.type !== 'MemberExpression' && left.type !== 'OptionalMemberExpression')) return;
    const prop: AnyNode = left.property;
    const propName = !left.computed && prop.type === 'Identifier' ? prop.name : prop.type === 'StringLiteral' ? prop.value : undefined;
    if (propName === name) escape = `the file assigns a property named ${name} (line ${left.loc?.start.line})`;
    else if (left.computed && left.object.type === 'ThisExpression' && propName === undefined) escape = `the file writes a computed property on \`this\` (line ${left.loc?.start.line})`;
  });
  if (escape) return escape;
  root.find(j.CallExpression).forEach((p: ASTPath) => {
    const call: AnyNode = p.node;
    const callee: AnyNode = call.callee;
    const first: AnyNode = call.arguments[0];
    if (escape || callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Object') return;
    const method = callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if ((method === 'assign' || method === 'defineProperty' || method === 'defineProperties') && first?.type === 'ThisExpression') {
      escape = `Object.${method}(this, …) may shadow ${name} with an own property (line ${call.loc?.start.line})`;
    }
  });
  return escape;
}
