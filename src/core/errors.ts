/**
 * Errors the engine raises for problems the user can fix (bad path, unknown option, dirty tree).
 * The CLI prints their message as it is and exits with code 2; any other error is a bug in
 * async-migrate and is reported with its stack.
 */

/** A usage or configuration error: the message names the input and says what to do. */
export class UsageError extends Error {
  /** The exit code the CLI uses for it (always 2). */
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** True when `error` is a {@link UsageError} (also across module copies, by name). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && error.name === 'UsageError');
}
