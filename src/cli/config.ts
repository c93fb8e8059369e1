/**
 * The config file: default values for the CLI's options, so a project does not repeat its flags.
 *
 * Found by walking up from the working directory; the nearest folder that has either wins:
 * - `async-migrate.config.json`: a JSON object of options, or
 * - `package.json` with an `"async-migrate"` key holding that object.
 * Both in one folder is an error (which one counts would be a guess). `--config <file>` names the
 * file instead of searching (a `package.json` there is read through its key).
 *
 * Keys are the long option names, kebab-case or camelCase (`"ignore"`, `"fs-modules"`,
 * `"publicApi"`). Each is checked against the option as the command line declares it (yargs'
 * option table is the schema, so the two cannot drift): type (boolean, number, string, list of
 * strings) and allowed values. An option that no command has is an error with a did-you-mean; an
 * option of another command (say `failOn` of `audit` while running `run`) is skipped. Errors name the
 * file and the option and exit 2. Flags on the command line override the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import yargs, { type Argv } from 'yargs';
import { UsageError } from '../core/errors';
import { didYouMean, joinOr } from './suggest';

/** The config file's name. */
export const CONFIG_FILE_NAME = 'async-migrate.config.json';
/** The package.json key that can hold the config instead. */
export const PACKAGE_JSON_KEY = 'async-migrate';

/** A config that was found: where, how to name it in messages, and its option values. */
export interface ConfigSource {
  /** Absolute path of the file. */
  file: string;
  /** For messages: the path relative to the working directory, plus `"async-migrate"` for package.json. */
  label: string;
  values: Record<string, unknown>;
}

/** The type of an option's value, as yargs declares it. */
export type OptionType = 'boolean' | 'number' | 'string' | 'array';

/** One option a command accepts, as a config key. */
export interface OptionSpec {
  /** Long kebab-case name (`fs-modules`). */
  name: string;
  type?: OptionType;
  choices?: readonly unknown[];
}

/** Options that only make sense on the command line. */
const NOT_IN_CONFIG = new Set(['help', 'version', 'config', 'paths', '$0', '_']);

/** `fsModules` → `fs-modules` (kebab-case keys are left as they are). */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Find and read the config.
 * @param cwd where the search starts (walking up to the file-system root)
 * @param explicit `--config <file>` (relative to `cwd`): read it instead of searching
 * @returns undefined when there is none
 * @throws UsageError when a file does not parse as JSON, the options are not an object, both files
 *   exist in one folder, or the explicit file cannot be read
 */
export function findConfig(cwd: string, explicit?: string): ConfigSource | undefined {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new UsageError(`--config ${explicit}: no such file`);
    const source = path.basename(file) === 'package.json' ? readPackageConfig(cwd, file) : readConfigFile(cwd, file);
    if (!source) throw new UsageError(`--config ${explicit}: package.json has no "${PACKAGE_JSON_KEY}" key`);
    return source;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const configFile = path.join(dir, CONFIG_FILE_NAME);
    const own = fs.existsSync(configFile) ? readConfigFile(cwd, configFile) : undefined;
    const pkgFile = path.join(dir, 'package.json');
    const pkg = fs.existsSync(pkgFile) ? readPackageConfig(cwd, pkgFile) : undefined;
    if (own && pkg) throw new UsageError(`${own.label} and ${pkg.label} both hold async-migrate options: keep one`);
    if (own ?? pkg) return own ?? pkg;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function shown(cwd: string, file: string): string {
  return path.relative(cwd, file) || path.basename(file);
}

function parseJson(file: string, label: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read it: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${label}: not valid JSON: ${(error as Error).message}`);
  }
}

function asOptions(value: unknown, label: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${label}: must be a JSON object of options, such as {"ignore": ["test/**"]}`);
  return value as Record<string, unknown>;
}

function readConfigFile(cwd: string, file: string): ConfigSource {
  const label = shown(cwd, file);
  return { file, label, values: asOptions(parseJson(file, label), label) };
}

function readPackageConfig(cwd: string, file: string): ConfigSource | undefined {
  const pkg = parseJson(file, shown(cwd, file));
  if (pkg === null || typeof pkg !== 'object' || !Object.prototype.hasOwnProperty.call(pkg, PACKAGE_JSON_KEY)) return undefined;
  const label = `${shown(cwd, file)} "${PACKAGE_JSON_KEY}"`;
  return { file, label, values: asOptions((pkg as Record<string, unknown>)[PACKAGE_JSON_KEY], label) };
}

/** What yargs' `getOptions()` returns (not in @types/yargs). */
interface YargsOptionTable {
  key: Record<string, boolean>;
  boolean: string[];
  number: string[];
  string: string[];
  array: string[];
  alias: Record<string, string[]>;
  choices: Record<string, unknown[]>;
}

/**
 * The options a yargs builder declares, by long name and by alias.
 * @param build a command's builder (or a function adding the global options)
 */
export function optionSpecs(build: (y: Argv) => Argv): Map<string, OptionSpec> {
  const y = build(yargs([]).exitProcess(false));
  const table = (y as unknown as { getOptions(): YargsOptionTable }).getOptions();
  const specs = new Map<string, OptionSpec>();
  for (const key of Object.keys(table.key)) {
    if (NOT_IN_CONFIG.has(key)) continue;
    const names = [key, ...(table.alias[key] ?? [])];
    const has = (list: string[]) => names.some((n) => list.includes(n));
    const type: OptionType | undefined = has(table.array) ? 'array' : has(table.boolean) ? 'boolean' : has(table.number) ? 'number' : has(table.string) ? 'string' : undefined;
    const choices = names.map((n) => table.choices[n]).find((c) => c !== undefined);
    const long = names.find((n) => n.length > 1) ?? key;
    const spec: OptionSpec = { name: long, ...(type ? { type } : {}), ...(choices ? { choices } : {}) };
    for (const n of names) if (!specs.has(n)) specs.set(n, spec);
  }
  return specs;
}

/** Why `value` does not fit `spec`, or undefined when it does. */
function typeProblem(value: unknown, spec: OptionSpec): string | undefined {
  const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  const got = Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${JSON.stringify(value)}`;
  if (spec.type === 'boolean' && typeof value !== 'boolean') return `must be true or false, not ${got}`;
  if (spec.type === 'number' && !(typeof value === 'number' && Number.isFinite(value))) return `must be a number, not ${got}`;
  if ((spec.type === 'string' || spec.type === 'array') && !strings(value)) return `must be a string or a list of strings, not ${got}`;
  if (spec.type === undefined && !(strings(value) || typeof value === 'number')) return `must be a string, not ${got}`;
  if (spec.choices) {
    const bad = (Array.isArray(value) ? value : [value]).find((v) => !spec.choices!.includes(v));
    if (bad !== undefined) return `must be ${joinOr(spec.choices.map((c) => JSON.stringify(c)))}, not ${JSON.stringify(bad)}`;
  }
  return undefined;
}

/**
 * Check a config against the options of the command being run and keep the ones it uses.
 * @param source the config found by {@link findConfig}
 * @param command the running command's options (with the global ones)
 * @param otherCommands the names of every option any command has: keys found only there are skipped
 * @returns the values for the command, keyed by long kebab-case name (ready for yargs' `.config()`)
 * @throws UsageError naming the file and the option, for an unknown option (with a did-you-mean
 *   over every command's options) or a value of the wrong type
 */
export function validateConfig(source: ConfigSource, command: Map<string, OptionSpec>, otherCommands: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.values)) {
    const name = kebabCase(key);
    if (NOT_IN_CONFIG.has(name)) throw new UsageError(`${source.label}: option "${key}" cannot be set in the config file; give it on the command line`);
    const spec = command.get(name);
    if (!spec) {
      if (otherCommands.has(name)) continue;
      const known = [...new Set([...command.keys(), ...otherCommands])].filter((n) => n.length > 1).sort();
      throw new UsageError(`${source.label}: unknown option "${key}"${didYouMean(name, known, '"').replace(/\?\)$/, '"?)')}`);
    }
    const problem = typeProblem(value, spec);
    if (problem) throw new UsageError(`${source.label}: option "${key}" ${problem}`);
    out[spec.name] = value;
  }
  return out;
}
