/**
 * What every CLI command gets: where it runs and where it writes. Commands never touch
 * `process.stdout`/`process.cwd()` directly, so tests can run them in-process too.
 *
 * A command is a factory `(ctx) => yargs CommandModule`; its handler sets `ctx.exitCode`
 * (0 done, 1 changes pending under --check, 3 some files failed) and throws UsageError for exit 2.
 * Adding a command: create src/cli/<name>.ts exporting such a factory as default, and add it to
 * the COMMANDS list in src/cli/index.ts.
 */
import type { CommandModule } from 'yargs';

/** A writable stream the CLI prints to. */
export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Where a command runs and prints. */
export interface CliContext {
  /** Absolute working directory: inputs resolve and output paths are shown relative to it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Set by the command's handler; `main()` returns it. */
  exitCode: number;
  /**
   * `--quiet`: print only errors and the output that was asked for (the diff, JSON, report) — no
   * summary, progress or "written to" lines. Set by `main()` before the handler runs.
   */
  quiet?: boolean;
}

/** Write `text` to stderr unless the run is `--quiet` (for information, never for errors). */
export function info(ctx: CliContext, text: string): void {
  if (!ctx.quiet) ctx.stderr.write(text);
}

/** Exit codes (README documents them). */
export const EXIT = {
  /** Done (a dry run with changes also exits 0). */
  ok: 0,
  /** `--check`: something would change. */
  changesPending: 1,
  /** Usage or configuration error: unknown option, bad path, dirty git tree. */
  usage: 2,
  /** Some files failed (parse error, transform crash, output that does not parse, write error). */
  failed: 3,
} as const;

/** A command module factory (see the file comment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandFactory = (ctx: CliContext) => CommandModule<any, any>;
