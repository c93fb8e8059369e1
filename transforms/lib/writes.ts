/**
 * Is a variable or a property chain written (assigned, updated, deleted) anywhere under a node?
 * Syntactic and conservative: a write to any variable of that name counts, even a shadowing one.
 */
import { patternIdentifiers, type AnyNode, type LexicalDeclaration } from './lexical-scope';
import { walkNodes } from './walk-nodes';

/** True when `name` is the target of `=`, `+=`, `++`, a destructuring assignment or a `for (name of …)` head under `root`. */
export function isNameWritten(root: AnyNode, name: string): boolean {
  let found = false;
  walkNodes(root, (n) => {
    if (found) return false;
    if (n.type === 'AssignmentExpression' && patternIdentifiers(n.left).some((i) => i.name === name)) found = true;
    else if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier' && n.argument.name === name) found = true;
    else if ((n.type === 'ForInStatement' || n.type === 'ForOfStatement') && n.left.type !== 'VariableDeclaration' && patternIdentifiers(n.left).some((i) => i.name === name)) found = true;
    return !found;
  });
  return found;
}

/**
 * True when a binding can be relied on to hold the same value everywhere in its scope: `const`,
 * imports, classes, enums, namespaces always; `let`/`var`/parameters/function declarations only when
 * no write to the name appears in the declaring scope. Undeclared names (globals) count as stable
 * when `program` has no write to them.
 */
export function isStableBinding(declaration: LexicalDeclaration | undefined, name: string, program: AnyNode): boolean {
  if (!declaration) return !isNameWritten(program, name);
  if (['const', 'import', 'class', 'enum', 'namespace', 'using'].includes(declaration.kind)) return true;
  return !isNameWritten(declaration.scope, name);
}

/**
 * True when some member-expression write under `root` may change the value of the property chain
 * `chainText` (e.g. `this.repo.load`): a write to the chain itself or one of its prefixes
 * (`this.repo = …`), or a computed write on one of its prefixes (`this[k] = …`).
 * `textOf` gives a node's source text.
 */
export function isMemberChainWritten(root: AnyNode, chainText: string, textOf: (node: AnyNode) => string): boolean {
  const isPrefix = (text: string) => chainText === text || chainText.startsWith(`${text}.`);
  const hits = (target: AnyNode): boolean => {
    if (!target || (target.type !== 'MemberExpression' && target.type !== 'OptionalMemberExpression')) return false;
    if (isPrefix(textOf(target))) return true;
    return Boolean(target.computed) && isPrefix(textOf(target.object));
  };
  let found = false;
  walkNodes(root, (n) => {
    if (found) return false;
    if (n.type === 'AssignmentExpression') found = hits(n.left) || (n.left.type !== 'MemberExpression' && memberTargets(n.left).some(hits));
    else if (n.type === 'UpdateExpression') found = hits(n.argument);
    else if (n.type === 'UnaryExpression' && n.operator === 'delete') found = hits(n.argument);
    return !found;
  });
  return found;
}

/** Member expressions assigned by a destructuring pattern (`[this.a, { b: this.c }] = …`). */
function memberTargets(pattern: AnyNode): AnyNode[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'MemberExpression':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p: AnyNode) => memberTargets(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((e: AnyNode) => memberTargets(e));
    case 'RestElement':
      return memberTargets(pattern.argument);
    case 'AssignmentPattern':
      return memberTargets(pattern.left);
    default:
      return [];
  }
}
