/**
 * Is a file an ES module (where top-level `await` is allowed) or CommonJS?
 *
 * Rule (Node.js "Modules: Packages — Determining module system"): `.mjs`/`.mts` are ES modules,
 * `.cjs`/`.cts` are CommonJS, and `.js`/`.ts`/`.jsx`/`.tsx` follow the nearest package.json's
 * `"type"` field (`"module"` → ES module, anything else → CommonJS). TypeScript compiles `.ts` files
 * of a CommonJS package to CommonJS, where top-level await is an error (TS1378), so the same rule holds.
 *
 * Used by the engine (per file, cached per folder) and by fs-promises when it runs on its own under
 * jscodeshift. A package.json that cannot be parsed counts as CommonJS.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The module system of one file. */
export type ModuleType = 'module' | 'commonjs';

const packageTypeCache = new Map<string, ModuleType>();

/** The `"type"` of the nearest package.json above `dir` (CommonJS when there is none). */
function packageTypeOf(dir: string): ModuleType {
  const cached = packageTypeCache.get(dir);
  if (cached) return cached;
  let result: ModuleType = 'commonjs';
  const manifest = path.join(dir, 'package.json');
  let found = false;
  try {
    const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown };
    result = json.type === 'module' ? 'module' : 'commonjs';
    found = true;
  } catch {
    found = fs.existsSync(manifest); // an unreadable manifest still stops the walk: CommonJS
  }
  if (!found) {
    const parent = path.dirname(dir);
    result = parent === dir ? 'commonjs' : packageTypeOf(parent);
  }
  packageTypeCache.set(dir, result);
  return result;
}

/**
 * The module type of the file at `filePath` (absolute or relative to the working directory).
 * `override` (from the engine or the `moduleType` option) wins when given.
 */
export function moduleTypeOf(filePath: string, override?: unknown): ModuleType {
  if (override === 'module' || override === 'commonjs') return override;
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return 'module';
  if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return 'commonjs';
  return packageTypeOf(path.dirname(path.resolve(filePath)));
}
