/**
 * Where would an `await` inserted at a node land, and may it go there?
 *
 * Walks up from a node to the nearest function-like boundary and answers with either the enclosing
 * async function (or the ES module top level) where `await` is legal and keeps behaviour, or the
 * reason code of the context that forbids it. Shared by every transform that inserts `await`.
 *
 * Rules (ECMAScript: `await` is only valid in async functions and module top level; Node.js
 * `process` docs: "Listener functions [for 'exit'] must only perform synchronous operations"):
 * - constructor → AM101; getter/setter → AM102; class field initialiser or static block → AM103
 * - top level of a CommonJS file (or a TypeScript namespace body) → AM104
 * - a function registered with `process.on/once/addListener/prependListener('exit', …)` → AM105,
 *   async or not: Node.js never waits for its promise
 * - a synchronous function → AM106 (propagate-async may make it async); a generator → AM110
 * - a parameter default value, where `await` is a syntax error even in an async function → AM111
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { ModuleType } from '../../src/core/module-type';
import { FUNCTION_NODE_TYPES as FUNCTION_TYPES } from './node-kinds';
import type { ReasonCodeId } from '../../src/core/reasons';

/** Where an `await` may go. */
export type AwaitContext =
  | { ok: true; kind: 'async-function'; fn: ASTPath }
  | { ok: true; kind: 'module-top-level' }
  | { ok: false; code: ReasonCodeId; message: string; fn?: ASTPath };

const FIELD_TYPES = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'PropertyDefinition']);
const EXIT_REGISTRATION_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** Facts about the whole file that context checks need; build once per file with {@link scanFileContext}. */
export interface FileContext {
  moduleType: ModuleType;
  /** Names of functions registered as `process.on('exit', name)` somewhere in the file. */
  exitHandlerNames: Set<string>;
}

/** Is `call` a `process.on('exit', …)`-style registration? */
function isExitRegistration(call: { type: string; callee?: unknown; arguments?: unknown[] }): boolean {
  if (call.type !== 'CallExpression') return false;
  const callee = call.callee as { type: string; object?: { type: string; name?: string }; property?: { type: string; name?: string }; computed?: boolean };
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  if (callee.object?.type !== 'Identifier' || callee.object.name !== 'process') return false;
  if (callee.property?.type !== 'Identifier' || !EXIT_REGISTRATION_METHODS.has(callee.property.name ?? '')) return false;
  const event = call.arguments?.[0] as { type: string; value?: unknown } | undefined;
  return event !== undefined && (event.type === 'StringLiteral' || event.type === 'Literal') && event.value === 'exit';
}

/** Collect the per-file facts used by {@link findAwaitContext}. */
export function scanFileContext(j: JSCodeshift, root: Collection, moduleType: ModuleType): FileContext {
  const exitHandlerNames = new Set<string>();
  root.find(j.CallExpression).forEach((p) => {
    if (!isExitRegistration(p.node as never)) return;
    const handler = p.node.arguments[1];
    if (handler && handler.type === 'Identifier') exitHandlerNames.add(handler.name);
  });
  return { moduleType, exitHandlerNames };
}

/** The name a function is known by: its own id, or the variable it is assigned to. */
function functionName(fn: ASTPath): string | undefined {
  const node = fn.node as { id?: { name?: string } | null };
  if (node.id?.name) return node.id.name;
  const parent = fn.parent?.node as { type: string; id?: { type: string; name?: string } } | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name;
  return undefined;
}

function isExitHandler(fn: ASTPath, ctx: FileContext): boolean {
  const parent = fn.parent?.node as { type: string; callee?: unknown; arguments?: unknown[] } | undefined;
  if (parent && isExitRegistration(parent as never) && parent.arguments?.[1] === fn.node) return true;
  const name = functionName(fn);
  return name !== undefined && ctx.exitHandlerNames.has(name);
}

/**
 * Classify the context of `path` for inserting `await` there.
 * Never throws; unknown shapes are answered conservatively (not ok).
 */
export function findAwaitContext(path: ASTPath, ctx: FileContext): AwaitContext {
  let child: ASTPath = path;
  let current: ASTPath | null = path.parent;
  while (current) {
    const node = current.node as { type: string; kind?: string; async?: boolean; generator?: boolean; params?: unknown[] };
    if (FUNCTION_TYPES.has(node.type)) {
      if (node.params?.includes(child.node)) {
        return { ok: false, code: 'AM111', message: 'a parameter default value cannot contain await', fn: current };
      }
      if (node.kind === 'constructor') return { ok: false, code: 'AM101', message: 'inside a constructor, which cannot be async', fn: current };
      if (node.kind === 'get' || node.kind === 'set') return { ok: false, code: 'AM102', message: `inside a ${node.kind === 'get' ? 'getter' : 'setter'}, which cannot be async`, fn: current };
      if (isExitHandler(current, ctx)) return { ok: false, code: 'AM105', message: "inside a process 'exit' handler, which must stay synchronous", fn: current };
      if (node.async) return { ok: true, kind: 'async-function', fn: current };
      if (node.generator) return { ok: false, code: 'AM110', message: 'inside a generator; needs propagate-async to become an async generator', fn: current };
      const name = functionName(current);
      return {
        ok: false,
        code: 'AM106',
        message: `inside the synchronous function ${name ? `${name}()` : '(anonymous)'}; making it async needs propagate-async`,
        fn: current,
      };
    }
    if (FIELD_TYPES.has(node.type)) return { ok: false, code: 'AM103', message: 'inside a class field initialiser, which runs synchronously' };
    if (node.type === 'StaticBlock') return { ok: false, code: 'AM103', message: 'inside a class static block, which runs synchronously' };
    if (node.type === 'TSModuleBlock') return { ok: false, code: 'AM104', message: 'inside a TypeScript namespace body, which cannot await' };
    child = current;
    current = current.parent;
  }
  if (ctx.moduleType === 'module') return { ok: true, kind: 'module-top-level' };
  return { ok: false, code: 'AM104', message: 'at the top level of a CommonJS module, which cannot await' };
}
