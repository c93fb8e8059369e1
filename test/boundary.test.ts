/**
 * The layering rule of ../shared/DESIGN.md, checked on the source: transforms/** import only
 * transforms/** and src/core/**; src/core/** imports nothing else of the project. Packages and Node.js
 * built-ins are always allowed. Scans `import … from`, `export … from`, `import(…)` and `require(…)`.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.[^'"]*)\1/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every relative import of `file`, resolved to a path relative to the repository root. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => path.relative(ROOT, path.resolve(path.dirname(file), m[2])).split(path.sep).join('/'));
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
    relativeImports(file).filter((target) => !allowed(target)).map((target) => `${path.relative(ROOT, file)} → ${target}`),
  );
}

test('transforms/** import only transforms/** and src/core/**', () => {
  expect(violations('transforms', (t) => t.startsWith('transforms/') || t.startsWith('src/core/'))).toEqual([]);
});

test('src/core/** imports nothing else of the project', () => {
  expect(violations('src/core', (t) => t.startsWith('src/core/'))).toEqual([]);
});

test('the scan sees the imports it checks (a transform does import src/core)', () => {
  const imports = relativeImports(path.join(ROOT, 'transforms', 'fs-promises.ts'));
  expect(imports).toContain('src/core/fs-api');
  expect(imports.some((t) => t.startsWith('transforms/fs-promises/'))).toBe(true);
});
