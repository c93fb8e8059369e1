/**
 * Find the calls of the blocking-api table in a file — `cp.execSync(…)` through a module binding,
 * `execSync(…)` through a named one, `require('zlib').gzipSync(…)` inline — and the blocking sleep
 * `Atomics.wait(…)` on the global `Atomics`; each resolved through scope (a local `execSync` or a
 * parameter named `cp` is not one) and decided by src/core/blocking-api.ts on its facts.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { decideAtomicsWait, decideBlockingCall, lookupBlockingApi, type BlockingApi, type BlockingDecision } from '../../src/core/blocking-api';
import { resolveDeclaration } from '../lib/bindings';
import { requiredModule } from '../fs-promises/find-fs-bindings';
import { argFact, isErrorReadInCatch, isResultUnused, skipWrappers } from './call-facts';
import type { ModuleBinding } from './find-bindings';

type AnyNode = { type: string; [key: string]: unknown };

/** One call of the table (or of Atomics.wait) and the decision for it. */
export interface BlockingSite {
  call: ASTPath;
  /** `execSync`, `gzipSync`, `Atomics.wait`. */
  name: string;
  api?: BlockingApi;
  /** How the function was reached: a module binding (`cp.execSync`), a named binding, an inline require, the global Atomics. */
  via: 'namespace' | 'named' | 'inline' | 'global';
  binding?: ModuleBinding;
  /** Inline `require('m')` text, for `via: 'inline'`. */
  inlineModule?: string;
  decision: BlockingDecision;
}

const propertyName = (member: AnyNode): string | undefined => {
  const prop = member.property as AnyNode;
  if (!member.computed && prop.type === 'Identifier') return prop.name as string;
  if (member.computed && (prop.type === 'StringLiteral' || prop.type === 'Literal') && typeof prop.value === 'string') return prop.value;
  return undefined;
};

/** Does the identifier at `path` (named `name`) resolve to `binding`? */
export function refersToBinding(path: ASTPath, name: string, binding: ModuleBinding): boolean {
  const declaration = resolveDeclaration(path, name);
  if (binding.form === 'import-equals') return declaration === undefined;
  return declaration === binding.idNode;
}

function decide(call: ASTPath, api: BlockingApi, typescript: boolean): BlockingDecision {
  const node = call.node as unknown as { arguments: AnyNode[] };
  return decideBlockingCall({ api, args: node.arguments.map(argFact), resultUsed: !isResultUnused(call), catchReadsError: isErrorReadInCatch(call), typescript });
}

/** `new Int32Array(new SharedArrayBuffer(n))`, with 0 as index and value: the blocking-sleep idiom. */
function isFreshSleepBuffer(args: AnyNode[]): boolean {
  const [buffer, index, value] = args.map((a) => (a ? skipWrappers(a) : a));
  const isZero = (n: AnyNode | undefined) => !!n && (n.type === 'NumericLiteral' || n.type === 'Literal') && n.value === 0;
  if (!buffer || buffer.type !== 'NewExpression' || !isZero(index) || !isZero(value)) return false;
  const callee = buffer.callee as AnyNode;
  const inner = (buffer.arguments as AnyNode[])[0];
  return callee.type === 'Identifier' && callee.name === 'Int32Array' && (buffer.arguments as unknown[]).length === 1 &&
    inner?.type === 'NewExpression' && (inner.callee as AnyNode).type === 'Identifier' && (inner.callee as AnyNode).name === 'SharedArrayBuffer';
}

function atomicsSite(call: ASTPath, text: (node: unknown) => string): BlockingSite {
  const args = (call.node as unknown as { arguments: AnyNode[] }).arguments;
  const timeout = args[3];
  const decision = decideAtomicsWait({
    freshBuffer: args.length <= 4 && !args.some((a) => a.type === 'SpreadElement') && isFreshSleepBuffer(args),
    timeoutText: timeout ? text(timeout) : undefined,
    resultUsed: !isResultUnused(call),
  });
  return { call, name: 'Atomics.wait', via: 'global', decision };
}

/**
 * Every site of the file, in source order.
 * @param text the original source text of a node (for the sleep's timeout)
 * @param typescript the file is TypeScript (some promisified forms have no faithful type there)
 */
export function findBlockingSites(j: JSCodeshift, root: Collection, bindings: readonly ModuleBinding[], text: (node: unknown) => string, typescript: boolean): BlockingSite[] {
  const sites: BlockingSite[] = [];
  const namespaces = bindings.filter((b) => b.kind === 'namespace');
  const named = bindings.filter((b) => b.kind === 'named');
  root.find(j.CallExpression).forEach((call) => {
    const callee = call.node.callee as unknown as AnyNode;
    if (callee.type === 'Identifier') {
      const calleePath = call.get('callee') as ASTPath;
      const binding = named.find((b) => b.local === callee.name && refersToBinding(calleePath, b.local, b));
      const api = binding?.imported ? lookupBlockingApi(binding.module, binding.imported) : undefined;
      if (binding && api) sites.push({ call, name: api.sync, api, via: 'named', binding, decision: decide(call, api, typescript) });
      return;
    }
    if (callee.type !== 'MemberExpression') return;
    const name = propertyName(callee);
    if (!name) return;
    const object = callee.object as AnyNode;
    const objectPath = call.get('callee', 'object') as ASTPath;
    if (object.type === 'Identifier') {
      if (object.name === 'Atomics' && name === 'wait' && !resolveDeclaration(objectPath, 'Atomics')) {
        sites.push(atomicsSite(call, text));
        return;
      }
      const binding = namespaces.find((b) => b.local === object.name && refersToBinding(objectPath, b.local, b));
      const api = binding ? lookupBlockingApi(binding.module, name) : undefined;
      if (binding && api) sites.push({ call, name, api, via: 'namespace', binding, decision: decide(call, api, typescript) });
      return;
    }
    const inline = requiredModule(object);
    if (!inline || resolveDeclaration(objectPath.get('callee') as ASTPath, 'require')) return;
    const api = lookupBlockingApi(inline, name);
    if (api) sites.push({ call, name, api, via: 'inline', inlineModule: text(object), decision: decide(call, api, typescript) });
  });
  return sites.sort((a, b) => ((a.call.node as { start?: number }).start ?? 0) - ((b.call.node as { start?: number }).start ?? 0));
}
