/**
 * The transform contract: the metadata each transform exports next to its code as `meta`, the module
 * shape the engine loads, and the project-level hook types the engine's registry attaches (prepare,
 * verify, finish). One registry (src/engine/registry.ts) feeds the CLI choices, `--help`, the `list`
 * command, the docs test and the fixture harness.
 */
import type { Transform } from 'jscodeshift';
import type { Finding } from './findings';

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
  /** Name of the fixture case docs/transforms/<name>.md shows as this transform's example (scripts/readme-examples.js). */
  example: string;
  /**
   * Cheap text test run before parsing: false means the file cannot contain a site this transform
   * touches, so it is never parsed. Must never return false for a file the transform would change.
   */
  mightApply(source: string, options: Record<string, unknown>): boolean;
}

/**
 * The files of a run as a project hook sees them: read-only, keyed by display path (relative to
 * `cwd`, `/`-separated). The engine's FileMap implements it; hooks never see the FileMap itself.
 */
export interface FileTexts {
  /** Absolute working directory the display paths are relative to. */
  readonly cwd: string;
  /** Display paths of the loaded files, in path order. */
  paths(): string[];
  /** Current text of a file (after the stages so far), or undefined when it is not loaded. */
  get(displayPath: string): string | undefined;
  /** Current text of a file. @throws Error naming the path when it is not loaded. */
  getOrThrow(displayPath: string): string;
  /** Text as first read, or undefined when it is not loaded. */
  getOriginal(displayPath: string): string | undefined;
  /** Absolute path of a display path. */
  absolutePath(displayPath: string): string;
}

/** What a prepare hook sees besides the files. */
export interface PrepareContext {
  /** Absolute working directory (display paths are relative to it). */
  cwd: string;
  /** The run's transform options (CLI flags such as `fsModules`), before any hook's additions. */
  options: Readonly<Record<string, unknown>>;
  /** Names of the transforms selected for this run, in run order. */
  transforms: readonly string[];
}

/** What a prepare hook returns. */
export interface PrepareResult {
  /** Merged into every transform's options for every file (later hooks win on equal keys). */
  options?: Record<string, unknown>;
  /** Project-level findings (for example call sites an analysis blocks). */
  findings?: Finding[];
  /**
   * Files (display paths) the engine adds to the run before the per-file stage, read from disk:
   * propagate-async's `--expand` (a change set that edits files outside the given paths).
   */
  addFiles?: string[];
}

/**
 * The optional project-wide analysis step the registry attaches to a transform: called once per run
 * before any file is transformed; must not change the files.
 * @throws UsageError for a user's mistake (the run stops, exit 2); anything else costs only its transform (AM907)
 */
export type PrepareHook = (files: FileTexts, context: PrepareContext) => PrepareResult | void | Promise<PrepareResult | void>;

/**
 * The optional step after every file is transformed: rewrite findings with what the analysis knows
 * (propagate-async gives fs-promises' AM106 "needs propagate-async" findings the plan's blocking
 * reason and chain). Receives one file's findings (or the prepare hooks') and the options every
 * transform got; returns the findings to keep, same order. Must not throw.
 */
export type FinishHook = (findings: readonly Finding[], options: Readonly<Record<string, unknown>>) => Finding[];

/**
 * What a verify hook may return instead of a plain list: the problems, and options for one more
 * attempt — the pipeline then starts again from the original texts with those options merged in
 * (propagate-async: the functions whose migration caused the problems, pinned sync).
 */
export interface VerifyOutcome {
  problems: Finding[];
  /** Findings that are not problems (AM345: type declarations missing), kept with the run's findings. */
  notes?: Finding[];
  retryWith?: Record<string, unknown>;
}

/**
 * The optional check of the whole result, after every file is transformed (propagate-async: no new
 * type error, no floating promise). Returns problems as findings, or a {@link VerifyOutcome}.
 */
export type VerifyHook = (files: FileTexts, options: Readonly<Record<string, unknown>>) => Finding[] | VerifyOutcome | Promise<Finding[] | VerifyOutcome>;

/** A transform module as loaded from transforms/<name>.ts: the jscodeshift function and its metadata. */
export interface TransformModule {
  default: Transform;
  meta: TransformMeta;
}

/** The project-level steps the engine's registry attaches to a transform (src/plan/ implements them). */
export interface ProjectHooks {
  prepare?: PrepareHook;
  finish?: FinishHook;
  verify?: VerifyHook;
}

/** A registry entry: a transform module plus the project hooks the engine attached to it. */
export type PipelineTransform = TransformModule & ProjectHooks;
