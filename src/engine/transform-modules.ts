/**
 * The registered transform modules themselves (transforms/<name>.ts), without the engine's project
 * hooks: what a worker thread needs to run the per-file stage. Importing this does not load the
 * project analysis (ts-morph, TypeScript); src/engine/registry.ts adds the hooks for the main thread.
 */
import type { TransformModule } from '../core/transform';
import * as fsPromises from '../../transforms/fs-promises';
import * as blockingApis from '../../transforms/blocking-apis';
import * as collapseDelegation from '../../transforms/collapse-delegation';
import * as hoistSwitchAwait from '../../transforms/hoist-switch-await';
import * as propagateAsync from '../../transforms/propagate-async';

/** Every registered transform module, in run order. Adding a transform is adding it here. */
export const TRANSFORM_MODULES: readonly TransformModule[] = [fsPromises, blockingApis, collapseDelegation, hoistSwitchAwait, propagateAsync]
  .map((m): TransformModule => ({ default: m.default, meta: m.meta }))
  .sort((a, b) => a.meta.order - b.meta.order);

/**
 * The transform module named `name`.
 * @throws Error naming the known transforms when `name` is unknown.
 */
export function getTransformModuleOrThrow(name: string): TransformModule {
  const found = TRANSFORM_MODULES.find((t) => t.meta.name === name);
  if (!found) throw new Error(`unknown transform "${name}"; known transforms: ${TRANSFORM_MODULES.map((t) => t.meta.name).join(', ')}`);
  return found;
}
