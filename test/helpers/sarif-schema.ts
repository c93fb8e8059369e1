/**
 * The final OASIS SARIF 2.1.0 JSON schema (draft-07, `$id` …/oasis-tcs/sarif-spec/…/sarif-schema-2.1.0.json),
 * for the report tests.
 *
 * No small npm package ships it as a file: the one found is the Apache-2.0 package
 * `@datadog/datadog-ci@2.44.0` (dist/commands/sarif/json-schema/sarif-schema-2.1.0.json), too heavy for a
 * devDependency (it pulls its whole CLI). So, like test/format-prettier.test.ts does with Prettier, the
 * schema is fetched at test time: `npm pack` of that one tarball (no dependencies, ~0.5 MB) into a cache
 * folder in the OS temp dir, then the single file is extracted with `tar`. The file's SHA-256 is pinned,
 * so a changed or truncated download fails instead of validating against something else.
 * `SARIF_SCHEMA_FILE=<path>` uses a local copy instead (offline machines).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The npm package (pinned) whose tarball holds the schema file. */
export const SARIF_SCHEMA_PACKAGE = '@datadog/datadog-ci@2.44.0';
const FILE_IN_TARBALL = 'package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json';
/** SHA-256 of that file in that tarball. */
const SCHEMA_SHA256 = '10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454';
const CACHE_DIR = path.join(os.tmpdir(), 'async-migrate-sarif-schema-2.1.0');

let loaded: object | undefined;

/**
 * The parsed final SARIF 2.1.0 schema.
 * @throws Error naming the package and the way out when it can be neither found nor fetched, or when
 *   the file is not the pinned one
 */
export function finalSarifSchema(): object {
  if (loaded) return loaded;
  const file = process.env.SARIF_SCHEMA_FILE ?? cachedSchemaFile();
  const text = fs.readFileSync(file, 'utf8');
  const schema = JSON.parse(text) as { $schema?: string; $id?: string; title?: string };
  if (!process.env.SARIF_SCHEMA_FILE && createHash('sha256').update(text).digest('hex') !== SCHEMA_SHA256) {
    throw new Error(`${file} is not the pinned SARIF 2.1.0 schema of ${SARIF_SCHEMA_PACKAGE} (SHA-256 differs): delete ${CACHE_DIR} and run again`);
  }
  if (schema.$schema !== 'http://json-schema.org/draft-07/schema#' || !schema.$id?.endsWith('/sarif-schema-2.1.0.json') || schema.title !== 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema') {
    throw new Error(`${file} is not the final SARIF 2.1.0 JSON schema (draft-07, sarif-schema-2.1.0.json)`);
  }
  loaded = schema;
  return schema;
}

/** The schema file in the cache folder, fetched first when missing. */
function cachedSchemaFile(): string {
  const target = path.join(CACHE_DIR, 'sarif-schema-2.1.0.json');
  if (fs.existsSync(target)) return target;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'am-sarif-schema-'));
  try {
    const tarball = execFileSync('npm', ['pack', SARIF_SCHEMA_PACKAGE, '--silent', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync('tar', ['xzf', path.join(work, tarball), '-C', work, FILE_IN_TARBALL], { stdio: 'pipe', timeout: 60_000 });
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // rename is atomic: a parallel test file sees the whole file or none
    fs.renameSync(path.join(work, FILE_IN_TARBALL), target);
    return target;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`could not fetch the SARIF 2.1.0 schema from ${SARIF_SCHEMA_PACKAGE} (npm pack + tar; no npm registry?): ${reason}. Set SARIF_SCHEMA_FILE to a local copy of sarif-schema-2.1.0.json.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
