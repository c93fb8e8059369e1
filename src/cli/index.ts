/**
 * The `async-migrate` command line (yargs). `bin/async-migrate` calls {@link main}.
 *
 * Commands live in src/cli/<name>.ts, each exporting as default a factory
 * `(ctx) => CommandModule`; adding one is adding its line to COMMANDS below, as
 * `{ name, load: () => import('./commands/<name>') }`. Only the command being run is loaded (all of
 * them for `--help` or when no known command is named), so a command whose module pulls in heavy
 * dependencies (ts-morph) does not slow down the others. yargs runs in strict mode: an unknown
 * command or option is a usage error (exit 2), as are the UsageErrors commands throw (bad path,
 * dirty git tree).
 */
import yargs from 'yargs';
import { isUsageError } from '../core/errors';
import { STDIN_ARG } from '../engine/stdin';
import { EXIT, type CliContext, type CommandFactory } from './context';

/** A command: its name (the first word of its yargs `command` string) and how to load its module. */
interface CommandEntry {
  name: string;
  load: () => Promise<{ default: CommandFactory }>;
}

/** Every command, in the order `--help` shows them. */
const COMMANDS: CommandEntry[] = [
  { name: 'run', load: () => import('./run') },
  { name: 'plan', load: () => import('./plan') },
  { name: 'list', load: () => import('./list') },
  { name: 'audit', load: () => import('./audit') },
];

/** The commands to register for `argv`: the one named first, or all when none is (help, typos). */
async function loadCommands(argv: readonly string[]): Promise<CommandFactory[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.filter((c) => c.name === first);
  const modules = await Promise.all((named.length ? named : COMMANDS).map((c) => c.load()));
  return modules.map((m) => m.default);
}

/**
 * Run the CLI.
 * @param argv arguments after the executable (`process.argv.slice(2)`)
 * @param io where to run and print (default: this process's cwd, env, stdout, stderr)
 * @returns the exit code: 0 done, 1 changes pending under --check, 2 usage error, 3 some files failed
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
  // yargs drops a lone `-` (then `run -` meant "everything"): keep it as a token src/engine/stdin.ts knows
  const parser = yargs(argv.map((a) => (a === '-' ? STDIN_ARG : a)), ctx.cwd)
    .scriptName('async-migrate')
    .usage('$0 <command> [options]\n\nMove Node.js code off blocking fs calls onto async/await, with reviewable diffs.')
    .strict()
    .demandCommand(1, 'Name a command: run or list.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .alias('v', 'version')
    .wrap(Math.min(120, typeof ctx.stdout.columns === 'number' ? ctx.stdout.columns : 100))
    .epilog('Exit codes: 0 done, 1 changes pending (--check), 2 usage or configuration error, 3 some files failed.')
    .exitProcess(false)
    .fail((message, error) => {
      if (error && !isUsageError(error) && error.name !== 'YError') throw error;
      usageMessage = message || error?.message || 'invalid arguments';
      throw error ?? new Error(usageMessage);
    });
  for (const command of await loadCommands(argv)) parser.command(command(ctx));

  try {
    await parser.parseAsync();
  } catch (error) {
    if (usageMessage === undefined && !isUsageError(error)) throw error;
    const message = usageMessage ?? (error as Error).message;
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
