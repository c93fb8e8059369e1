/**
 * The `async-migrate` command line (yargs). `bin/async-migrate` calls {@link main}.
 *
 * Commands live in src/cli/<name>.ts, each exporting as default a factory
 * `(ctx) => CommandModule`; adding one is adding its line to COMMANDS below, as
 * `{ name, load: () => import('./commands/<name>') }`. Only the command being run is loaded (all of
 * them for `--help` or when no known command is named), so a command whose module pulls in heavy
 * dependencies (ts-morph) does not slow down the others. yargs runs in strict mode: an unknown
 * command or option is a usage error (exit 2, with a did-you-mean from ./suggest.ts), as are the
 * UsageErrors commands throw (bad path, dirty git tree) and a config file that does not fit the
 * options (./config.ts; its values are yargs defaults, so flags override them). No command prints
 * every command's name and description, from COMMANDS and the commands' own yargs modules.
 */
import yargs, { type Argv } from 'yargs';
import { isUsageError } from '../core/errors';
import { STDIN_ARG } from '../engine/stdin';
import { findConfig, optionSpecs, validateConfig, type OptionSpec } from './config';
import { EXIT, type CliContext, type CommandFactory } from './context';
import { didYouMean, joinOr } from './suggest';

/** A command: its name (the first word of its yargs `command` string) and how to load its module. */
interface CommandEntry {
  name: string;
  load: () => Promise<{ default: CommandFactory }>;
}

/** Every command, in the order `--help` shows them. */
const COMMANDS: CommandEntry[] = [
  { name: 'run', load: () => import('./run') },
  { name: 'plan', load: () => import('./plan') },
  { name: 'split', load: () => import('./split') },
  { name: 'list', load: () => import('./list') },
  { name: 'audit', load: () => import('./audit') },
];

/** The command `argv` names (its first word that is not an option), if it is one. */
function namedCommand(argv: readonly string[]): CommandEntry | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return COMMANDS.find((c) => c.name === first);
}

/** The commands to register for `argv`: the one named first, or all when none is (help, typos). */
async function loadCommands(argv: readonly string[]): Promise<CommandFactory[]> {
  const named = namedCommand(argv);
  const modules = await Promise.all((named ? [named] : COMMANDS).map((c) => c.load()));
  return modules.map((m) => m.default);
}

/** Options every command accepts (also checked as config keys). */
function addGlobalOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('quiet', { alias: 'q', describe: 'Print only errors and the output asked for (diff, JSON, report): no summary, progress or "written to" lines', type: 'boolean', global: true })
    .option('config', { describe: 'Read default options from this JSON file instead of the nearest async-migrate.config.json or package.json "async-migrate" key', type: 'string', requiresArg: true, global: true }) as Argv<T>;
}

/** The options of one command (with the global ones), from its yargs builder. */
function commandOptions(ctx: CliContext, factory: CommandFactory): Map<string, OptionSpec> {
  const { builder } = factory(ctx);
  return optionSpecs((y) => addGlobalOptions(typeof builder === 'function' ? (builder(y) as Argv) : y.options(builder ?? {})));
}

/** The value of `--config <file>` / `--config=<file>` in `argv`, before yargs parses it. */
function configFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--config');
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith('--config='))?.slice('--config='.length);
}

/**
 * The config file's values for the command being run (see ./config.ts), or undefined without one.
 * @throws UsageError for a config that does not parse or does not fit the options
 */
async function configFor(ctx: CliContext, argv: readonly string[], factory: CommandFactory): Promise<Record<string, unknown> | undefined> {
  const source = findConfig(ctx.cwd, configFlag(argv));
  if (!source) return undefined;
  const own = commandOptions(ctx, factory);
  const others = new Set<string>();
  // Only a key this command does not have needs the other commands' options (loading them costs time).
  if (Object.keys(source.values).some((k) => !own.has(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))) {
    for (const entry of COMMANDS) for (const name of commandOptions(ctx, (await entry.load()).default).keys()) others.add(name);
  }
  return validateConfig(source, own, others);
}

/**
 * Turn yargs' "Unknown argument(s): …" into one line per unknown word, with a did-you-mean: an
 * unknown first word is an unknown command, the rest unknown options of the command run.
 */
function explainUnknown(message: string, argv: readonly string[], options: readonly string[]): string {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return message;
  const first = argv.find((a) => !a.startsWith('-'));
  const names = COMMANDS.map((c) => c.name);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const word of match[1].split(', ')) {
    if (word === first && !namedCommand(argv)) {
      lines.push(`unknown command "${word}"${didYouMean(word, names)}; the commands are ${joinOr(names)}`);
      continue;
    }
    const flag = argv.find((a) => a.replace(/^--?(no-)?/, '').split('=')[0] === word);
    const kebab = word.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (seen.has(kebab)) continue;
    seen.add(kebab);
    if (flag === undefined || !flag.startsWith('-')) lines.push(`unexpected argument "${word}"`);
    else lines.push(`unknown option ${flag.split('=')[0]}${didYouMean(kebab, options, '--')}`);
  }
  return lines.join('\nasync-migrate: ');
}

/**
 * Run the CLI.
 * @param argv arguments after the executable (`process.argv.slice(2)`)
 * @param io where to run and print (default: this process's cwd, env, stdout, stderr)
 * @returns the exit code: 0 done, 1 changes pending under --check, 2 usage error (also a bad config
 *   file), 3 some files failed
 * @throws only on bugs in async-migrate (bin/async-migrate prints them and exits 3)
 */
export async function main(argv: string[], io: Partial<Omit<CliContext, 'exitCode'>> = {}): Promise<number> {
  const ctx: CliContext = {
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    exitCode: EXIT.ok,
  };
  if (!io.stdout) ignoreClosedPipe(process.stdout);
  let usageMessage: string | undefined;
  const factories = await loadCommands(argv);
  const named = namedCommand(argv) ? factories[0] : undefined;
  const commandList = factories.map((f) => f(ctx)).map((m) => `  ${String(m.command).split(' ')[0].padEnd(6)} ${String(m.describe ?? '')}`);
  // yargs drops a lone `-` (then `run -` meant "everything"): keep it as a token src/engine/stdin.ts knows
  const parser = addGlobalOptions(yargs(argv.map((a) => (a === '-' ? STDIN_ARG : a)), ctx.cwd))
    .scriptName('async-migrate')
    .usage('$0 <command> [options]\n\nMove Node.js code off blocking fs calls onto async/await, with reviewable diffs.')
    .strict()
    .demandCommand(1, `Name a command: ${joinOr(COMMANDS.map((c) => c.name))}.\n${commandList.join('\n')}`)
    .help()
    .alias('h', 'help')
    .version()
    .alias('v', 'version')
    .wrap(Math.min(120, typeof ctx.stdout.columns === 'number' ? ctx.stdout.columns : 100))
    .epilog('Exit codes: 0 done, 1 changes pending (--check), 2 usage or configuration error, 3 some files failed.')
    .middleware((args) => {
      ctx.quiet = args.quiet === true;
    })
    .exitProcess(false)
    .fail((message, error) => {
      if (error && !isUsageError(error) && error.name !== 'YError') throw error;
      usageMessage = message || error?.message || 'invalid arguments';
      throw error ?? new Error(usageMessage);
    });
  for (const command of factories) parser.command(command(ctx));

  try {
    // `--help` works whatever the config file says
    if (named && !argv.some((a) => a === '--help' || a === '-h')) {
      const config = await configFor(ctx, argv, named);
      if (config) parser.config(config);
    }
    await parser.parseAsync();
  } catch (error) {
    if (usageMessage === undefined && !isUsageError(error)) throw error;
    const options = [...(named ? commandOptions(ctx, named) : optionSpecs((y) => addGlobalOptions(y))).keys()].filter((n) => n.length > 1);
    const message = usageMessage === undefined ? (error as Error).message : explainUnknown(usageMessage, argv, [...options, 'help', 'version']);
    ctx.stderr.write(`async-migrate: ${message}\n`);
    if (!isUsageError(error)) ctx.stderr.write('Run `async-migrate --help` (or `async-migrate <command> --help`) for usage.\n');
    return EXIT.usage;
  }
  return ctx.exitCode;
}

/**
 * `async-migrate run | head` closes stdout early: stop quietly (exit 0) instead of crashing with
 * EPIPE. Other stream errors are rethrown.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
