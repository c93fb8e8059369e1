/**
 * The one registry of transforms. The CLI choices, `--help`, `list`, the fixture harness and the
 * docs test all read it; adding a transform is adding one line to src/engine/transform-modules.ts. Each entry is the transform
 * module (transforms/<name>.ts, a plain jscodeshift module) plus the project hooks the engine's
 * analysis provides for it (src/plan/hooks.ts).
 */
import type { PipelineTransform } from '../core/transform';
import { PROJECT_HOOKS } from '../plan/hooks';
import { TRANSFORM_MODULES } from './transform-modules';

/** Every registered transform with its project hooks, sorted by run order. */
export const TRANSFORMS: readonly PipelineTransform[] = TRANSFORM_MODULES.map((m) => ({ ...m, ...PROJECT_HOOKS[m.meta.name] }));

/** Look up a transform by name, or undefined. */
export function getTransform(name: string): PipelineTransform | undefined {
  return TRANSFORMS.find((t) => t.meta.name === name);
}

/**
 * Look up a transform by name.
 * @throws Error naming the known transforms when `name` is unknown.
 */
export function getTransformOrThrow(name: string): PipelineTransform {
  const found = getTransform(name);
  if (!found) throw new Error(`unknown transform "${name}"; known transforms: ${TRANSFORMS.map((t) => t.meta.name).join(', ')}`);
  return found;
}
