/**
 * Run one jscodeshift transform on one in-memory file, the way the engine and the fixture harness
 * both do: the same API object jscodeshift's own runner builds, plus a findings collector.
 */
import jscodeshift, { type API, type FileInfo } from 'jscodeshift';
import type { Finding } from '../core/findings';
import type { TransformModule } from '../core/transform';
export type { TransformModule } from '../core/transform';
import { parserFor } from '../core/parser';

/** The outcome of one transform on one file. */
export interface ApplyResult {
  /** New text, or undefined when the transform left the file as it was. */
  output: string | undefined;
  findings: Finding[];
}

/**
 * Apply `module` to the file at `path` whose text is `source`.
 * `options` are the transform's options (see its `meta.options`); the engine adds its hooks.
 * @throws whatever the transform throws (the engine catches per file and reports AM902).
 */
export function applyTransform(
  module: TransformModule,
  path: string,
  source: string,
  options: Record<string, unknown> = {},
): ApplyResult {
  const findings: Finding[] = [];
  if (!module.meta.mightApply(source, options)) return { output: undefined, findings };
  const j = jscodeshift.withParser(parserFor(path));
  const api: API = { jscodeshift: j, j, stats: () => {}, report: () => {} };
  const file: FileInfo = { path, source };
  const result = module.default(file, api, { ...options, onFinding: (f: Finding) => findings.push(f) });
  if (result instanceof Promise) throw new Error(`transform ${module.meta.name} returned a promise; transforms must be synchronous`);
  const output = typeof result === 'string' && result !== source ? result : undefined;
  return { output, findings };
}
