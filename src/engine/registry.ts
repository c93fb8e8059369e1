/**
 * The one registry of transforms. The CLI choices, `--help`, `list`, the fixture harness and the
 * README docs test all read it; adding a transform is adding one line here.
 */
import type { TransformModule } from './apply';
import * as fsPromises from '../../transforms/fs-promises';
import * as collapseDelegation from '../../transforms/collapse-delegation';
import * as hoistSwitchAwait from '../../transforms/hoist-switch-await';
import * as propagateAsync from '../../transforms/propagate-async';

/** Every registered transform, sorted by run order. */
export const TRANSFORMS: readonly TransformModule[] = [fsPromises as TransformModule, collapseDelegation as TransformModule, hoistSwitchAwait as TransformModule, propagateAsync as TransformModule].sort((a, b) => a.meta.order - b.meta.order);

/** Look up a transform by name, or undefined. */
export function getTransform(name: string): TransformModule | undefined {
  return TRANSFORMS.find((t) => t.meta.name === name);
}

/**
 * Look up a transform by name.
 * @throws Error naming the known transforms when `name` is unknown.
 */
export function getTransformOrThrow(name: string): TransformModule {
  const found = getTransform(name);
  if (!found) throw new Error(`unknown transform "${name}"; known transforms: ${TRANSFORMS.map((t) => t.meta.name).join(', ')}`);
  return found;
}
