/**
 * Discovery: which files a run reads from paths, folders and globs (extensions, .d.ts,
 * node_modules, .gitignore at the root and nested, .git/info/exclude, --ignore, explicit files,
 * usage errors for bad paths).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverFiles, isSourceFile } from '../src/engine/discover';
import { UsageError } from '../src/core/errors';

let root: string;

function put(rel: string, text = 'export {};\n'): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'am-discover-'));
  fs.mkdirSync(path.join(root, '.git', 'info'), { recursive: true }); // a repository root (enough for discovery)
  for (const f of ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs']) put(`src/${f}`);
  put('src/types.d.ts');
  put('src/more.d.mts');
  put('src/readme.md', '# not code\n');
  put('src/data.json', '{}\n');
  put('node_modules/dep/index.js');
  put('src/node_modules/nested/index.js');
  put('.config/tool.js');
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('a folder yields every source extension, no .d.ts, no node_modules, sorted and relative', async () => {
  expect(await discoverFiles(['.'], { cwd: root })).toEqual([
    '.config/tool.js',
    'src/a.ts',
    'src/b.tsx',
    'src/c.mts',
    'src/d.cts',
    'src/e.js',
    'src/f.jsx',
    'src/g.mjs',
    'src/h.cjs',
  ]);
});

test('the root .gitignore, nested .gitignore files (with negation) and .git/info/exclude are honoured', async () => {
  put('.gitignore', 'build/\n*.gen.ts\n');
  put('build/out.js');
  put('src/schema.gen.ts');
  put('src/legacy/.gitignore', '*.js\n!keep.js\n');
  put('src/legacy/old.js');
  put('src/legacy/keep.js');
  put('src/legacy/deep/old2.js');
  put('src/legacy/kept.ts');
  put('src/other/.gitignore', '!*.gen.ts\n');
  put('src/other/api.gen.ts');
  fs.writeFileSync(path.join(root, '.git', 'info', 'exclude'), 'scratch.ts\n');
  put('src/scratch.ts');
  const files = await discoverFiles(['src'], { cwd: root });
  expect(files).toContain('src/legacy/keep.js');
  expect(files).toContain('src/legacy/kept.ts');
  expect(files).toContain('src/other/api.gen.ts');
  for (const skipped of ['src/legacy/old.js', 'src/legacy/deep/old2.js', 'src/schema.gen.ts', 'src/scratch.ts']) expect(files).not.toContain(skipped);
  expect(await discoverFiles(['.'], { cwd: root })).not.toContain('build/out.js');
});

test('the working directory may be below the repository root; paths stay relative to it', async () => {
  put('.gitignore', 'src/h.cjs\n');
  const files = await discoverFiles(['.'], { cwd: path.join(root, 'src') });
  expect(files).toEqual(['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs']);
});

test('globs are matched against the working directory and filtered the same way', async () => {
  put('.gitignore', 'src/e.js\n');
  expect(await discoverFiles(['src/*.js', 'src/*.d.ts'], { cwd: root })).toEqual([]);
  expect(await discoverFiles(['src/*.{js,cjs}'], { cwd: root })).toEqual(['src/h.cjs']);
  // node_modules is never walked, so this glob matches nothing at all: a usage error, like a typo
  await expect(discoverFiles(['**/index.js'], { cwd: root })).rejects.toThrow(UsageError);
});

test('--ignore patterns use .gitignore syntax and apply to named files too', async () => {
  const files = await discoverFiles(['.', 'src/a.ts'], { cwd: root, ignore: ['*.jsx', './src/a.ts', '.config/'] });
  expect(files).toEqual(['src/b.tsx', 'src/c.mts', 'src/d.cts', 'src/e.js', 'src/g.mjs', 'src/h.cjs']);
});

test('a file named explicitly is read even when .gitignore ignores it; duplicates collapse', async () => {
  put('.gitignore', 'src/e.js\n');
  expect(await discoverFiles(['src/e.js', './src/e.js', 'src'], { cwd: root })).toContain('src/e.js');
  expect(await discoverFiles(['node_modules/dep/index.js'], { cwd: root })).toEqual(['node_modules/dep/index.js']);
});

test('a folder named explicitly is walked even when git ignores it; .gitignore files inside it still apply', async () => {
  put('.gitignore', '.scratch/\n');
  put('.scratch/corpus/lib/a.js');
  put('.scratch/corpus/lib/b.js');
  put('.scratch/corpus/.gitignore', 'b.js\n');
  put('node_modules/dep/lib/c.js');
  expect(await discoverFiles(['.'], { cwd: root })).not.toContain('.scratch/corpus/lib/a.js');
  expect(await discoverFiles(['.scratch/corpus'], { cwd: root })).toEqual(['.scratch/corpus/lib/a.js']);
  expect(await discoverFiles(['node_modules/dep'], { cwd: root })).toEqual(['node_modules/dep/index.js', 'node_modules/dep/lib/c.js']);
});

test('a missing path, a non-source file and a glob matching nothing are usage errors naming the input', async () => {
  await expect(discoverFiles(['src', 'nope/here'], { cwd: root })).rejects.toThrow(new UsageError('nope/here: no such file or directory'));
  await expect(discoverFiles(['src/readme.md'], { cwd: root })).rejects.toThrow(/src\/readme\.md: not a JavaScript or TypeScript source file/);
  await expect(discoverFiles(['src/types.d.ts'], { cwd: root })).rejects.toThrow(UsageError);
  await expect(discoverFiles(['lib/**/*.ts'], { cwd: root })).rejects.toThrow(/lib\/\*\*\/\*\.ts: the pattern matches no files/);
});

test('outside a git repository, .gitignore files below the working directory still count', async () => {
  fs.rmSync(path.join(root, '.git'), { recursive: true });
  put('.gitignore', 'src/a.ts\n');
  const files = await discoverFiles(['src'], { cwd: root });
  expect(files).not.toContain('src/a.ts');
  expect(files).toContain('src/b.tsx');
});

test('isSourceFile knows the extensions and declaration files', () => {
  expect(['x.ts', 'x.TSX', 'x.mts', 'x.cts', 'x.js', 'x.jsx', 'x.mjs', 'x.cjs'].every(isSourceFile)).toBe(true);
  expect(['x.d.ts', 'x.d.cts', 'x.json', 'x.ts.bak', 'x'].some(isSourceFile)).toBe(false);
});

test("the tsconfig's build output (outDir, declarationDir) is skipped when a folder is walked, taken when named", async () => {
  put('tsconfig.json', '{\n  // JSON with comments\n  "compilerOptions": { "outDir": "./dist", "declarationDir": "types", /* c */ },\n  "include": ["src"],\n}\n');
  put('dist/a.js');
  put('types/extra.js');
  put('distant/keep.js');
  const walked = await discoverFiles(['.'], { cwd: root });
  expect(walked.filter((p) => !p.startsWith('src/') && !p.startsWith('.config/'))).toEqual(['distant/keep.js']);
  expect(await discoverFiles(['dist'], { cwd: root })).toEqual(['dist/a.js']);
  expect(await discoverFiles(['dist/a.js', 'src/a.ts'], { cwd: root })).toEqual(['dist/a.js', 'src/a.ts']);
});
