/**
 * Block-aware name resolution: which declaration does a name at a given place refer to?
 *
 * ast-types' scope tracker (used by transforms/lib/bindings.ts) knows only function, program and
 * catch scopes, so a `const f` declared inside a `case` block or an `if` block looks like the same
 * binding as an outer `f`. Transforms that move code across blocks need ECMAScript's real rules
 * (ECMA-262 §14.2 Block, §14.12 switch CaseBlock, §10.2 function environments):
 * - `let`/`const`/`using`/`class`/function declarations bind in the nearest block, switch case block,
 *   `for` head, or program;
 * - `var` binds in the nearest function or program (found by a walk that skips nested functions);
 * - parameters, a function expression's own name, a catch parameter, imports and TypeScript
 *   `enum`/`namespace`/`import x = require()` declarations bind where ECMAScript/TypeScript say.
 */
import type { ASTPath } from 'jscodeshift';
import { FUNCTION_NODE_TYPES } from './node-kinds';

/** How a name was declared. */
export type DeclarationKind = 'var' | 'let' | 'const' | 'using' | 'param' | 'function' | 'class' | 'import' | 'catch' | 'enum' | 'namespace';

/** A resolved declaration. */
export interface LexicalDeclaration {
  /** The declaring identifier node (compare with `===` to test "same binding"). */
  id: AnyNode;
  kind: DeclarationKind;
  /** The node whose scope holds the binding (block, switch, for, function, class, catch, program). */
  scope: AnyNode;
  /** The variable declarator, when the binding comes from one (`init`, `id.typeAnnotation`). */
  declarator?: AnyNode;
  /** For parameters: the parameter node as written (maybe an AssignmentPattern or TSParameterProperty). */
  param?: AnyNode;
}

/** A loosely typed AST node (babel / ast-types shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

const FUNCTION_TYPES = new Set([...FUNCTION_NODE_TYPES, 'TSDeclareFunction']);

/** True for the function-like node types that open a `var` scope. */
export function isFunctionNode(node: AnyNode): boolean {
  return Boolean(node) && FUNCTION_TYPES.has(node.type);
}

/** Every identifier a binding pattern declares (`a`, `{ a, b: [c] }`, `...d`, `e = 1`), in order. */
export function patternIdentifiers(pattern: AnyNode): AnyNode[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p: AnyNode) => patternIdentifiers(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((e: AnyNode) => patternIdentifiers(e));
    case 'RestElement':
      return patternIdentifiers(pattern.argument);
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left);
    case 'TSParameterProperty':
      return patternIdentifiers(pattern.parameter);
    default:
      return [];
  }
}

/** Lexical declarations made directly by one statement of a statement list. */
function declarationsOfStatement(statement: AnyNode, scope: AnyNode, name: string): LexicalDeclaration | undefined {
  let s = statement;
  if (!s) return undefined;
  if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
  switch (s.type) {
    case 'VariableDeclaration': {
      if (s.kind === 'var') return undefined;
      for (const d of s.declarations) {
        const id = patternIdentifiers(d.id).find((i) => i.name === name);
        if (id) return { id, kind: s.kind === 'let' ? 'let' : s.kind === 'const' ? 'const' : 'using', scope, declarator: d };
      }
      return undefined;
    }
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
      return s.id?.name === name ? { id: s.id, kind: 'function', scope } : undefined;
    case 'ClassDeclaration':
      return s.id?.name === name ? { id: s.id, kind: 'class', scope } : undefined;
    case 'TSEnumDeclaration':
      return s.id?.name === name ? { id: s.id, kind: 'enum', scope } : undefined;
    case 'TSModuleDeclaration':
      return s.id?.type === 'Identifier' && s.id.name === name ? { id: s.id, kind: 'namespace', scope } : undefined;
    case 'TSImportEqualsDeclaration':
      return s.id?.name === name ? { id: s.id, kind: 'import', scope } : undefined;
    case 'ImportDeclaration': {
      const spec = (s.specifiers ?? []).find((sp: AnyNode) => sp.local?.name === name);
      return spec ? { id: spec.local, kind: 'import', scope } : undefined;
    }
    default:
      return undefined;
  }
}

/** A `var` (or sloppy function-in-block) declaration of `name` anywhere under `node`, not entering nested functions. */
function findVar(node: AnyNode, scope: AnyNode, name: string): LexicalDeclaration | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = findVar(n, scope, name);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node.type !== 'string') return undefined;
  if (node.type === 'VariableDeclaration' && node.kind === 'var') {
    for (const d of node.declarations) {
      const id = patternIdentifiers(d.id).find((i) => i.name === name);
      if (id) return { id, kind: 'var', scope, declarator: d };
    }
  }
  if (isFunctionNode(node) || node.type === 'ClassBody') return undefined;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'tokens' || key === 'extra') continue;
    const child = node[key];
    if (child && typeof child === 'object') {
      const found = findVar(child, scope, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The declaration of `name` that a node at scope-node `node` opens, if any (`from` is the child we came up from). */
function declarationIn(node: AnyNode, from: AnyNode, name: string): LexicalDeclaration | undefined {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'TSModuleBlock': {
      for (const s of node.body) {
        const found = declarationsOfStatement(s, node, name);
        if (found) return found;
      }
      return node.type === 'Program' ? findVar(node.body, node, name) : undefined;
    }
    case 'SwitchStatement': {
      if (from === node.discriminant) return undefined;
      for (const c of node.cases) {
        for (const s of c.consequent) {
          const found = declarationsOfStatement(s, node, name);
          if (found) return found;
        }
      }
      return undefined;
    }
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement': {
      const head = node.type === 'ForStatement' ? node.init : node.left;
      return head?.type === 'VariableDeclaration' ? declarationsOfStatement(head, node, name) : undefined;
    }
    case 'CatchClause': {
      const id = patternIdentifiers(node.param).find((i) => i.name === name);
      return id ? { id, kind: 'catch', scope: node } : undefined;
    }
    case 'ClassExpression':
    case 'ClassDeclaration':
      return node.id?.name === name && from !== node.id ? { id: node.id, kind: 'class', scope: node } : undefined;
    default:
      break;
  }
  if (isFunctionNode(node)) {
    for (const p of node.params ?? []) {
      const id = patternIdentifiers(p).find((i) => i.name === name);
      if (id) return { id, kind: 'param', scope: node, param: p };
    }
    if (node.type === 'FunctionExpression' && node.id?.name === name) return { id: node.id, kind: 'function', scope: node };
    if (node.body?.type === 'BlockStatement') return findVar(node.body.body, node, name);
  }
  return undefined;
}

/**
 * The declaration that `name`, written at `path`, refers to; `undefined` for globals and names the
 * file does not declare. The walk starts at `path` itself, so for a path that *is* a block, names
 * declared in that block are found.
 */
export function resolveLexical(path: ASTPath, name: string): LexicalDeclaration | undefined {
  let from: AnyNode = undefined;
  for (let p: ASTPath | null = path; p; p = p.parent) {
    const found = declarationIn(p.node, from, name);
    if (found) return found;
    from = p.node;
  }
  return undefined;
}

/**
 * True when `node` (or any node under it) is `target`, by identity.
 * Used to tell whether a declaration sits inside a given subtree.
 */
export function containsNode(node: AnyNode, target: AnyNode): boolean {
  if (node === target) return true;
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => containsNode(n, target));
  if (typeof node.type !== 'string') return false;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'comments' || key === 'tokens' || key === 'extra' || key === 'original') continue;
    const child = node[key];
    if (child && typeof child === 'object' && containsNode(child, target)) return true;
  }
  return false;
}
