/**
 * Which files are test files, by the common naming patterns (jest's and vitest's defaults, mocha's
 * `test/` folder): `*.test.*`, `*.spec.*`, anything under a `__tests__/`, `test/` or `tests/` folder.
 * Used by `--tests follow` (the default): test files change only where they call, await, mock or
 * assert on what the migration changed; their own fixture I/O stays as it is (AM333).
 */

const TEST_FILE = /(?:^|\/)(?:__tests__|tests?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** Whether `file` (any path; `\` or `/` separators) is a test file by its name or folder. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file.split('\\').join('/'));
}

/** `--tests`: `follow` (default) or `migrate`; anything else is undefined (the caller reports it). */
export function readTestsMode(value: unknown): 'follow' | 'migrate' | undefined {
  if (value === undefined || value === null || value === '') return 'follow';
  return value === 'follow' || value === 'migrate' ? value : undefined;
}
