/**
 * Options and steps shared by the commands that read a codebase (`run`, and later `plan`, `audit`):
 * the input paths, `--ignore`, `-t/--transform`, `--fs-modules`, each registered transform's own
 * options (from `meta.options`), discovery and loading into a FileMap.
 */
import type { Argv } from 'yargs';
import { discoverInputs } from '../engine/discover';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/input-guard';
import { isStdinInput, loadStdinInput } from '../engine/stdin';
import { UsageError } from '../core/errors';
import { FileMap, type LoadProblem } from '../engine/filemap';
import type { PipelineTransform } from '../engine/pipeline';
import { TRANSFORMS, getTransformOrThrow } from '../engine/registry';
import type { TransformOption } from '../core/transform';
import type { CliContext } from './context';

/** Parsed values of the input options (yargs camel-cases flag names). */
export interface InputArgs {
  paths?: string[] | string;
  transform?: string[] | string;
  ignore?: string[] | string;
  fsModules?: string[] | string;
  [option: string]: unknown;
}

/** Engine options every transform receives (not declared in any `meta.options`). */
const ENGINE_OPTIONS: TransformOption[] = [
  { name: 'format', type: 'string', description: "auto: format the changed lines with the project's own Prettier where it has a Prettier config (never other lines); off: leave them as printed in the file's style", default: 'auto' },
  { name: 'fsModules', type: 'array', description: "Module with Node's fs API whose sync calls count as fs calls, e.g. graceful-fs (repeatable)", default: [] },
];

/** kebab-case flag name of a camelCase option name: `fsModules` → `fs-modules`. */
export function flagName(optionName: string): string {
  return optionName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Every transform option the CLI exposes: the engine's, then each registered transform's
 * `meta.options` in run order, first declaration of a name winning.
 */
export function transformOptionsSpec(): { option: TransformOption; transforms: string[] }[] {
  const byName = new Map<string, { option: TransformOption; transforms: string[] }>();
  for (const option of ENGINE_OPTIONS) byName.set(option.name, { option, transforms: [] });
  for (const t of TRANSFORMS) {
    for (const option of t.meta.options) {
      const entry = byName.get(option.name);
      if (entry) entry.transforms.push(t.meta.name);
      else byName.set(option.name, { option, transforms: [t.meta.name] });
    }
  }
  return [...byName.values()];
}

/**
 * Add the positional `paths` (default `.`) and the input options to a command's yargs instance.
 * @param positional whether the command string declares `[paths..]`
 */
export function addInputOptions<T>(y: Argv<T>, positional = true): Argv<T> {
  let out = y as Argv<T>;
  if (positional) {
    out = out.positional('paths', {
      describe: 'Files, folders or globs to read (folders are walked for .ts .tsx .mts .cts .js .jsx .mjs .cjs)',
      type: 'string',
      array: true,
      default: ['.'],
    }) as Argv<T>;
  }
  out = out
    .option('transform', {
      alias: 't',
      describe: 'Transform to run (repeatable; default: every registered transform, in run order)',
      type: 'string',
      choices: TRANSFORMS.map((t) => t.meta.name),
      requiresArg: true,
    })
    .option('ignore', {
      describe: 'Skip files matching this pattern (.gitignore syntax, relative to the working directory; repeatable)',
      type: 'string',
      requiresArg: true,
    })
    .option('max-file-size', {
      describe: `Skip files larger than this many bytes (AM911) unless named explicitly (default ${DEFAULT_MAX_FILE_SIZE}, 1 MiB)`,
      type: 'number',
      requiresArg: true,
    }) as Argv<T>;
  for (const { option, transforms } of transformOptionsSpec()) {
    const owner = transforms.length ? ` [${transforms.join(', ')}]` : '';
    const base = { describe: `${option.description}${owner}`, group: 'Transform options:', ...(option.alias ? { alias: option.alias } : {}) };
    if (option.type === 'boolean') out = out.option(flagName(option.name), { ...base, type: 'boolean', default: option.default as boolean | undefined }) as Argv<T>;
    else out = out.option(flagName(option.name), { ...base, type: 'string', requiresArg: true }) as Argv<T>;
  }
  return out;
}

/** A string-or-array yargs value as a flat list of non-empty strings (`splitCommas` for list options). */
export function toList(value: unknown, splitCommas = false): string[] {
  const items = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
  return (splitCommas ? items.flatMap((v) => v.split(',')) : items).map((v) => v.trim()).filter(Boolean);
}

/** The transforms selected by `-t` (in run order, no duplicates), or every registered one. */
export function selectTransforms(args: InputArgs): PipelineTransform[] {
  const names = toList(args.transform);
  if (names.length === 0) return [...TRANSFORMS];
  const selected = [...new Set(names)].map((name) => getTransformOrThrow(name));
  return selected.sort((a, b) => a.meta.order - b.meta.order);
}

/** Options passed to every transform: the engine's and each `meta.options` entry the user set (or its default). */
export function readTransformOptions(args: InputArgs): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const { option } of transformOptionsSpec()) {
    const value = args[option.name];
    if (option.type === 'array') options[option.name] = value === undefined ? (option.default ?? []) : toList(value, true);
    else if (option.type === 'string') {
      const list = toList(value);
      if (list.length) options[option.name] = list[list.length - 1];
      else if (option.default !== undefined) options[option.name] = option.default;
    } else if (value !== undefined) options[option.name] = value;
    else if (option.default !== undefined) options[option.name] = option.default;
  }
  return options;
}

/**
 * Discover the files named by `args.paths` and load them (skipping large and generated files not
 * named explicitly), or read standard input when the only path is `-`.
 * @throws UsageError for a path that does not exist, a glob that matches nothing, `-` mixed with
 *   paths, or a bad --max-file-size
 */
export async function loadInputFiles(ctx: CliContext, args: InputArgs): Promise<{ fileMap: FileMap; problems: LoadProblem[] }> {
  const inputs = toList(args.paths);
  // `-`: standard input (src/engine/stdin.ts); mixed with paths it is a usage error
  if (isStdinInput(inputs)) return loadStdinInput(ctx.cwd, args.stdinFilepath === undefined ? undefined : String(args.stdinFilepath));
  const maxFileSize = args.maxFileSize;
  if (maxFileSize !== undefined && !(typeof maxFileSize === 'number' && Number.isInteger(maxFileSize) && maxFileSize > 0)) {
    throw new UsageError(`--max-file-size must be a whole number of bytes above 0, not ${String(maxFileSize)}`);
  }
  const { files, explicit } = await discoverInputs(inputs.length ? inputs : ['.'], { cwd: ctx.cwd, ignore: toList(args.ignore) });
  return FileMap.load(files, ctx.cwd, { maxFileSize, explicit });
}
