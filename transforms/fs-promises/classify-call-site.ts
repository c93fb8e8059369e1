/**
 * Decide, for one sync fs site, whether it can be rewritten and how — or which reason code keeps it
 * as it is. API-level reasons come first (even propagation cannot fix them), then the arguments, then
 * the context where the `await` would land.
 */
import type { ASTPath } from 'jscodeshift';
import { findAwaitContext, type FileContext } from '../lib/await-context';
import { lookupBindingPaths } from '../lib/bindings';
import type { SyncSite } from './find-sync-call-sites';
import type { ReasonCodeId } from '../../src/core/reasons';

/** How a site is rewritten. */
export type RewriteShape = 'twin' | 'exists' | 'stat-no-throw';

/** The decision for one site. */
export type SiteDecision =
  | { rewrite: true; shape: RewriteShape; code: 'AM001' | 'AM002' | 'AM003' }
  | { rewrite: false; code: ReasonCodeId; message: string; fn?: ASTPath };

type Node = { type: string; [key: string]: unknown };

const FD_NAME = /^(fd|fileDescriptor|descriptor)$|Fd$|^fd[A-Z_]/;
const OPEN_SYNC = /^openSync$/;

/**
 * Is `node` (a first argument) a file descriptor? Numbers, `x.fd`, names that say so (`fd`, `outFd`),
 * and variables initialised from `openSync(…)` in the file.
 */
function looksLikeFileDescriptor(arg: Node, path: ASTPath): boolean {
  if ((arg.type === 'NumericLiteral' || arg.type === 'Literal') && typeof arg.value === 'number') return true;
  if (arg.type === 'MemberExpression' && !arg.computed && (arg.property as Node).type === 'Identifier' && (arg.property as { name: string }).name === 'fd') return true;
  if (arg.type === 'Identifier') {
    const name = (arg as unknown as { name: string }).name;
    if (FD_NAME.test(name)) return true;
    const declarator = lookupBindingPaths(path, name)?.[0]?.parent?.node as Node | undefined;
    const init = declarator?.type === 'VariableDeclarator' ? (declarator.init as Node | null) : null;
    if (init?.type === 'CallExpression') {
      const callee = init.callee as Node;
      const calleeName = callee.type === 'Identifier' ? (callee as unknown as { name: string }).name : callee.type === 'MemberExpression' ? ((callee.property as { name?: string }).name ?? '') : '';
      if (OPEN_SYNC.test(calleeName)) return true;
    }
  }
  return false;
}

/** `throwIfNoEntry` in stat/lstat options: absent/true → plain twin; false → guarded; unknown → refuse. */
function statOptionsShape(options: Node | undefined): 'twin' | 'stat-no-throw' | 'unknown' {
  if (!options) return 'twin';
  if (options.type !== 'ObjectExpression') return 'unknown';
  let shape: 'twin' | 'stat-no-throw' = 'twin';
  for (const prop of options.properties as Node[]) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') return 'unknown';
    const key = prop.key as { type: string; name?: string; value?: unknown };
    const keyName = prop.computed ? (key.type === 'StringLiteral' ? key.value : undefined) : key.type === 'Identifier' ? key.name : key.value;
    if (keyName === undefined) return 'unknown';
    if (keyName !== 'throwIfNoEntry') continue;
    const value = prop.value as { type: string; value?: unknown };
    if ((value.type === 'BooleanLiteral' || value.type === 'Literal') && typeof value.value === 'boolean') shape = value.value ? 'twin' : 'stat-no-throw';
    else return 'unknown';
  }
  return shape;
}

/** Decide what to do with `site` in a file with context `ctx`. Never throws. */
export function classifyCallSite(site: SyncSite, ctx: FileContext): SiteDecision {
  const name = site.syncName;
  if (!site.call) return { rewrite: false, code: 'AM205', message: `${name} is used as a value, not called; there is no call to await` };
  const api = site.api;
  if (!api) return { rewrite: false, code: 'AM204', message: `${name} is not in the table of sync fs functions with a promise twin` };
  if (api.kind === 'fd') return { rewrite: false, code: 'AM201', message: `${name} works on file descriptors; fs/promises uses FileHandle objects instead` };
  if (api.kind === 'different-shape') return { rewrite: false, code: 'AM203', message: `the promise form of ${name} returns a different shape` };

  const args = (site.call.node as unknown as { arguments: Node[] }).arguments;
  if (args.some((a) => a.type === 'SpreadElement')) return { rewrite: false, code: 'AM206', message: `${name}(...) is called with spread arguments` };
  if (api.acceptsFd && args[0] && looksLikeFileDescriptor(args[0], site.call)) {
    return { rewrite: false, code: 'AM202', message: `the first argument of ${name} looks like a file descriptor` };
  }
  let shape: RewriteShape = api.kind === 'exists' ? 'exists' : 'twin';
  if (api.throwIfNoEntry) {
    const stat = statOptionsShape(args[1]);
    if (stat === 'unknown') return { rewrite: false, code: 'AM207', message: `the options of ${name} are not an object literal; throwIfNoEntry cannot be checked` };
    shape = stat;
  }

  const context = findAwaitContext(site.call, ctx);
  if (!context.ok) return { rewrite: false, code: context.code, message: `${name}: ${context.message}`, fn: context.fn };
  return { rewrite: true, shape, code: shape === 'exists' ? 'AM002' : shape === 'stat-no-throw' ? 'AM003' : 'AM001' };
}
