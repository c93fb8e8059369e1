/**
 * The metadata each transform exports next to its code as `meta`. One registry (src/engine/registry.ts)
 * feeds the CLI choices, `--help`, the `list` command, the README docs test and the fixture harness.
 */

/** One option a transform accepts (CLI flag `--<name>`, or `options.<name>` under jscodeshift). */
export interface TransformOption {
  name: string;
  type: 'string' | 'boolean' | 'array';
  description: string;
  default?: unknown;
  /** One-letter CLI alias (`p` for `--project`), optional. */
  alias?: string;
}

/** A transform's metadata. */
export interface TransformMeta {
  /** Kebab-case name, equal to the file name under transforms/. */
  name: string;
  /** One line for `list` and `--help`. */
  description: string;
  /** Position in the pipeline: lower runs first. */
  order: number;
  /** Options the transform reads. */
  options: TransformOption[];
  /** Name of the fixture case the README shows as this transform's example. */
  example: string;
  /**
   * Cheap text test run before parsing: false means the file cannot contain a site this transform
   * touches, so it is never parsed. Must never return false for a file the transform would change.
   */
  mightApply(source: string, options: Record<string, unknown>): boolean;
}
