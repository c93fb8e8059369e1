/**
 * async-migrate's own version (from its package.json), for report headers and SARIF `driver.version`.
 */
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

/** The `version` of the async-migrate package.json above this file (works from src/ and dist/), or `0.0.0`. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'async-migrate' && typeof pkg.version === 'string') {
        cached = pkg.version;
        break;
      }
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}
