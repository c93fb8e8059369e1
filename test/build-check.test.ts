/**
 * The `tsc -b`-like check `split` runs in repositories with project references
 * (src/plan/build-check.ts): each project type-checked with its own options, before and after.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkProjectBuilds, usesProjectReferences } from '../src/plan/build-check';
import { discoverProjects } from '../src/plan/projects';

/** Temporary folders, removed when this file's tests are done. */
const tempDirs: string[] = [];
afterAll(() => tempDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const TYPE_ROOTS = path.join(__dirname, '..', 'node_modules', '@types');

/** Two projects: `lib` (lenient) and `app` (noUnusedLocals), app referencing lib and importing it by path. */
function solution(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'am-bc-')));
  tempDirs.push(dir);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const options = { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'], typeRoots: [TYPE_ROOTS], composite: true };
  write('tsconfig.json', JSON.stringify({ files: [], references: [{ path: 'lib' }, { path: 'app' }] }));
  write('lib/tsconfig.json', JSON.stringify({ compilerOptions: options, include: ['*.ts'] }));
  write('app/tsconfig.json', JSON.stringify({ compilerOptions: { ...options, noUnusedLocals: true }, include: ['*.ts'], references: [{ path: '../lib' }] }));
  write('lib/read.ts', 'export function read(): string {\n  return "x";\n}\n');
  write('app/main.ts', 'import { read } from "../lib/read";\n\nexport function main(): string {\n  return read();\n}\n');
  return dir;
}

describe('checkProjectBuilds', () => {
  it('reports a diagnostic only a project\'s own options raise, naming the project; unchanged texts give none', () => {
    const dir = solution();
    const files = ['app/main.ts', 'lib/read.ts'].map((f) => path.join(dir, f));
    const before = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const layout = discoverProjects(files, before, { cwd: dir, tsConfigFilePath: 'tsconfig.json' });
    // --project names the solution root: its references are the projects.
    expect(usesProjectReferences(layout)).toBe(true);
    expect(checkProjectBuilds(layout, before, before, dir)).toEqual([]);

    // An unused local in lib is fine for lib's options; app's noUnusedLocals is about app's files only.
    const libOnly = new Map(before);
    libOnly.set(path.join(dir, 'lib/read.ts'), 'export function read(): string {\n  const unused = 1;\n  return "x";\n}\n');
    expect(checkProjectBuilds(layout, before, libOnly, dir)).toEqual([]);

    const appBroken = new Map(before);
    appBroken.set(path.join(dir, 'app/main.ts'), 'import { read } from "../lib/read";\n\nexport function main(): string {\n  const unused = 2;\n  return read();\n}\n');
    const problems = checkProjectBuilds(layout, before, appBroken, dir);
    expect(problems.map((p) => [path.relative(dir, p.project), p.code, p.text.split(':').slice(0, 2).join(':')])).toEqual([['app/tsconfig.json', 6133, 'TS6133 app/main.ts:4']]);

    // A changed lib signature breaks app (which imports it), reported under app.
    const signature = new Map(before);
    signature.set(path.join(dir, 'lib/read.ts'), 'export function read(): number {\n  return 1;\n}\n');
    expect(checkProjectBuilds(layout, before, signature, dir).map((p) => [path.relative(dir, p.project), p.code])).toEqual([['app/tsconfig.json', 2322]]);
  });
});
