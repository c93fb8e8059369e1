/**
 * Test helpers for the report tests: the SARIF 2.1.0 schema validator and an in-process CLI runner.
 *
 * The schema is the final OASIS SARIF 2.1.0 JSON schema (draft-07), fetched at test time by
 * test/helpers/sarif-schema.ts, never copied here. Its `language` pattern is not a valid `u`-flag
 * regular expression, hence `unicodeRegExp: false`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../src/cli';
import { finalSarifSchema } from './sarif-schema';

let validator: ValidateFunction | undefined;

/**
 * Validate a SARIF log against the final SARIF 2.1.0 schema.
 * @returns the schema errors as `<instance path> <message>` strings (empty when valid)
 * @throws when the schema cannot be had (see test/helpers/sarif-schema.ts)
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(finalSarifSchema());
  }
  const validate = validator;
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Run the CLI in-process in `cwd`; returns stdout, stderr and the exit code. */
export async function runCli(args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
  });
  return { stdout, stderr, code };
}

const tempDirs: string[] = [];
// Remove the copies when the test file is done: `npm test` must not leave folders in the user's tmp.
if (typeof afterAll === 'function') afterAll(() => tempDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Copy a folder to a new temporary folder (removed after the test file's tests) and return its path. */
export function copyToTemp(from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-report-'));
  tempDirs.push(dir);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
