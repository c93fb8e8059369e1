/**
 * Module type of a file: ES module or CommonJS, the way Node.js decides it.
 *
 * Source: Node.js docs, "Modules: Packages" → "Determining module system": `.mjs` is always an ES
 * module and `.cjs` always CommonJS; `.js` follows the nearest package.json's `"type"` field
 * (`"module"` → ES module, anything else or no package.json → CommonJS). TypeScript applies the same
 * rule to `.mts`/`.cts`/`.ts`/`.tsx` (`module: node16`+); `.jsx` follows `.js`.
 *
 * fs-promises uses it to decide whether the top level may `await` and whether to add an `import` or a
 * `require`.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';

/** `'module'` (ESM) or `'commonjs'`. */
export type ModuleType = 'module' | 'commonjs';

/** Resolves module types, reading each folder's package.json at most once. */
export class ModuleTypeResolver {
  private readonly typeByDir = new Map<string, Promise<ModuleType>>();

  /**
   * Module type of the file at absolute path `file`.
   * A package.json that cannot be parsed counts as having no `"type"` (CommonJS), as Node does not
   * decide otherwise before failing itself.
   */
  async moduleTypeOf(file: string): Promise<ModuleType> {
    const lower = file.toLowerCase();
    if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return 'module';
    if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return 'commonjs';
    return this.packageTypeOf(path.dirname(file));
  }

  /** The `"type"` of the nearest package.json at or above `dir`. */
  private packageTypeOf(dir: string): Promise<ModuleType> {
    let type = this.typeByDir.get(dir);
    if (!type) {
      type = (async (): Promise<ModuleType> => {
        const text = await fsp.readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
        if (text !== undefined) {
          try {
            return (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
          } catch {
            return 'commonjs';
          }
        }
        const parent = path.dirname(dir);
        return parent === dir ? 'commonjs' : this.packageTypeOf(parent);
      })();
      this.typeByDir.set(dir, type);
    }
    return type;
  }
}
