/**
 * The files a file reaches through its imports, transitively: a cheap syntactic import closure over
 * the run's texts, for scoping test mocks (src/core/fs-mocks.ts) to the modules a test loads.
 *
 * Specifiers are read with a regular expression (`import … from 'x'`, `import 'x'`, `import('x')`,
 * `export … from 'x'`, `require('x')`, and the first argument of `jest.mock`/`vi.mock`/`requireActual`/
 * `importActual`/`proxyquire`/`esmock`), so a specifier in a comment or a string counts too: the safe
 * direction, the reach is only larger. Resolution, over the run's display paths (`/`-separated):
 * - relative specifiers: the path as written, with the source extensions, `/index.<ext>`, and a
 *   written `.js`/`.jsx`/`.mjs`/`.cjs` mapped to `.ts`/`.tsx`/`.mts`/`.cts` (TypeScript's rule for ES imports);
 * - bare specifiers: Node.js builtins are skipped; one that resolves against a folder above the
 *   importing file (a tsconfig `baseUrl` import like `src/state`) is followed; one that starts with
 *   `#`, `~` or `@/` (package `imports`, path aliases) cannot be resolved here, so the reach is
 *   unknown (`'*'`: every file); any other is taken for an installed package and not followed.
 * Limitation: workspace packages imported by their package name are taken for installed packages.
 */
import * as path from 'path';
import { builtinModules } from 'module';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|\b(?:mock|doMock|unstable_mockModule|requireActual|importActual|proxyquire|esmock)\s*\(\s*)(['"`])([^'"`\n]+)\1/g;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const BUILTINS = new Set(builtinModules);

/** Display paths a relative or baseUrl-style path may name. */
function candidatesOf(base: string): string[] {
  const out = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  const js = /\.(m|c)?js(x)?$/.exec(base);
  if (js) out.push(`${base.slice(0, -js[0].length)}.${js[1] ?? ''}ts${js[2] ?? ''}`);
  return out;
}

/**
 * Resolve one specifier written in `from` (a display path).
 * @returns the display path it names, `null` for a package or builtin (not followed), `'*'` when it
 *   may name a project file that cannot be found here
 */
export function resolveSpecifier(spec: string, from: string, has: (file: string) => boolean): string | null | '*' {
  if (spec.startsWith('.')) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    return candidatesOf(base).find(has) ?? null;
  }
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return null;
  for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
    const hit = candidatesOf(dir === '.' ? spec : `${dir}/${spec}`).find(has);
    if (hit) return hit;
    if (dir === '.' || dir === '/' || dir === '..' || dir.endsWith('/..')) break;
  }
  return /^(?:#|~|@\/)/.test(spec) ? '*' : null;
}

/**
 * The files each of `starts` reaches through its imports, itself included.
 * @param texts display path → text (the run's files)
 * @param starts display paths to start from
 * @returns per start, the sorted display paths it reaches, or `'*'` when an import could not be resolved
 */
export function importReach(texts: ReadonlyMap<string, string>, starts: Iterable<string>): Map<string, string[] | '*'> {
  const has = (file: string) => texts.has(file);
  const imports = new Map<string, (string | '*')[]>();
  const importsOf = (file: string): (string | '*')[] => {
    let list = imports.get(file);
    if (!list) {
      list = [];
      for (const m of (texts.get(file) ?? '').matchAll(SPECIFIER)) {
        const hit = resolveSpecifier(m[2], file, has);
        if (hit !== null) list.push(hit);
      }
      imports.set(file, list);
    }
    return list;
  };
  const out = new Map<string, string[] | '*'>();
  for (const start of starts) {
    const seen = new Set<string>([start]);
    const queue = [start];
    let unknown = false;
    while (queue.length > 0 && !unknown) {
      for (const next of importsOf(queue.shift() as string)) {
        if (next === '*') unknown = true;
        else if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    out.set(start, unknown ? '*' : [...seen].sort());
  }
  return out;
}
