/**
 * `--format auto` with a project's own Prettier (issue 12): on a Prettier-configured project whose
 * files pass `prettier --check`, the migrated files pass it too; `--format off` leaves the changed
 * lines as printed; lines the migration did not change never change.
 *
 * Prettier loads its parsers with dynamic `import()`, which jest's module sandbox refuses, so the
 * formatting runs in a child process on the compiled engine (dist/, built by `npm test`; the
 * environment variable ASYNC_MIGRATE_DIST names another build).
 *
 * Prettier is no dependency of async-migrate: the test installs a pinned Prettier into a temporary
 * copy of the fixture project (`npm install --no-save --ignore-scripts`). Without the npm registry
 * the test is skipped with a message.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diffArrays } from 'diff';
import { changedLineRuns, readFormatMode } from '../src/engine/format-prettier';

const FIXTURE = path.join(__dirname, '__fixtures__', 'prettier-project');
const PRETTIER = 'prettier@3.3.3';
const DIST = process.env.ASYNC_MIGRATE_DIST ?? path.join(__dirname, '..', 'dist');

/** Run `script` (CommonJS, `DIST` in scope) in a child process; its standard output. */
const runNode = (script: string, cwd: string): string =>
  execFileSync(process.execPath, ['-e', `const DIST = ${JSON.stringify(DIST)};\n${script}`], { cwd, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'pipe'] });

jest.setTimeout(300_000);

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyDir(source, path.join(to, entry.name));
    else fs.copyFileSync(source, path.join(to, entry.name));
  }
}

let project: string | undefined;
let skipReason: string | undefined;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-prettier-'));
  copyDir(FIXTURE, dir);
  try {
    execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', PRETTIER], { cwd: dir, stdio: 'pipe', timeout: 240_000 });
    project = dir;
  } catch (error) {
    skipReason = `could not install ${PRETTIER} (no npm registry?): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
});

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

const prettierCheck = (dir: string, files: string[]): boolean => {
  try {
    execFileSync(process.execPath, [path.join(dir, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', ...files], { cwd: dir, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

/** Migrate the project's src/a.ts in a child process with `--format <format>`; its text before and after. */
function migrate(dir: string, format: 'auto' | 'off'): { before: string; after: string } {
  const before = fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8');
  runNode(`require(DIST + '/src/cli/index').main(['run', '.', '--format', ${JSON.stringify(format)}, '--write', '--allow-dirty']).then((c) => { process.exitCode = c; });`, dir);
  const after = fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8');
  fs.writeFileSync(path.join(dir, 'src/a.ts'), before);
  return { before, after };
}

/** Lines of `before` the step from `before` to `after` removed or changed. */
function changedOriginalLines(before: string, after: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const change of diffArrays(before.split('\n'), after.split('\n'))) {
    if (change.added) continue;
    if (change.removed) for (let i = 0; i < change.value.length; i++) lines.add(line + i);
    line += change.value.length;
  }
  return lines;
}

test('--format auto: the migrated file passes prettier --check as the original did', async () => {
  if (!project) return console.warn(`skipped: ${skipReason}`);
  expect(prettierCheck(project, ['src/a.ts'])).toBe(true);
  const { before, after } = migrate(project, 'auto');
  expect(after).not.toBe(before);
  fs.writeFileSync(path.join(project, 'src/a.ts'), after);
  expect(prettierCheck(project, ['src/a.ts'])).toBe(true);
  fs.writeFileSync(path.join(project, 'src/a.ts'), before);

  // The same lines change as without formatting: formatting touched no other line.
  const off = migrate(project, 'off');
  expect(off.after).not.toBe(after);
  expect(changedOriginalLines(before, after)).toEqual(changedOriginalLines(before, off.after));
});

test('formatChangedLines leaves a line outside the changed runs alone even when Prettier would change it', async () => {
  if (!project) return console.warn(`skipped: ${skipReason}`);
  const file = path.join(project, 'src', 'b.ts');
  const original = 'const  messy = 1\nexport function f() {\n  return  1\n}\n';
  const changed = 'const  messy = 1\nexport async function f() {\n  return  1\n}\n';
  // Prettier widens the range to the whole function; its body line was not changed, so it stays.
  const script = `require(DIST + '/src/engine/format-prettier').formatChangedLines(${JSON.stringify(file)}, ${JSON.stringify(original)}, ${JSON.stringify(changed)}).then((r) => process.stdout.write(JSON.stringify(r)));`;
  const result = JSON.parse(runNode(script, project)) as { text: string; note?: string };
  expect(result.note).toBeUndefined();
  expect(result.text.split('\n')[0]).toBe('const  messy = 1');
  expect(result.text.split('\n')[2]).toBe('  return  1');
  // A changed statement on its own is formatted (the project's .prettierrc: no semicolons).
  const alone = `require(DIST + '/src/engine/format-prettier').formatChangedLines(${JSON.stringify(file)}, 'let a = 1;\\nlet  b = 2;\\n', 'let a = 1;\\nlet   b   =  await  c();\\n').then((r) => process.stdout.write(JSON.stringify(r)));`;
  expect(JSON.parse(runNode(alone, project)).text).toBe('let a = 1;\nlet b = await c()\n');
});

test('formatChangedLines formats a restructured statement whose changed lines are split by an unchanged one, when it was Prettier-clean', async () => {
  if (!project) return console.warn(`skipped: ${skipReason}`);
  const file = path.join(project, 'src', 'c.ts');
  const original = [
    'export function f(dir: string) {',
    '  const latest = versions',
    '    .map((version) => ({',
    '      version,',
    '      created: statSync(join(dir, version)).ctime.getTime(),',
    '    }))',
    '    .sort((a, b) => b.created - a.created)',
    '  return latest',
    '}',
    '',
  ].join('\n');
  const migrated = [
    'export async function f(dir: string) {',
    '  const latest = (await Promise.all(versions',
    '    .map(async (version) => ({',
    '      version,',
    '      created: (await stat(join(dir, version))).ctime.getTime(),',
    '    }))))',
    '    .sort((a, b) => b.created - a.created)',
    '  return latest',
    '}',
    '',
  ].join('\n');
  // prettier@3.3.3 on the whole migrated file, with the fixture's .prettierrc
  const expected = [
    'export async function f(dir: string) {',
    '  const latest = (',
    '    await Promise.all(',
    '      versions.map(async (version) => ({',
    '        version,',
    '        created: (await stat(join(dir, version))).ctime.getTime(),',
    '      })),',
    '    )',
    '  ).sort((a, b) => b.created - a.created)',
    '  return latest',
    '}',
    '',
  ].join('\n');
  const run = (before: string, after: string) =>
    JSON.parse(runNode(`require(DIST + '/src/engine/format-prettier').formatChangedLines(${JSON.stringify(file)}, ${JSON.stringify(before)}, ${JSON.stringify(after)}).then((r) => process.stdout.write(JSON.stringify(r)));`, project!)) as { text: string };
  expect(run(original, migrated).text).toBe(expected);
  // The same statement, not Prettier-clean before (an extra space in an unchanged line): left as printed.
  const messy = original.replace('      version,', '      version ,');
  expect(run(messy, migrated.replace('      version,', '      version ,')).text).toContain('  const latest = (await Promise.all(versions\n');
});

test('--format auto: when the project\'s Prettier throws (a plugin that does not exist), the file keeps the migration and gets AM913', async () => {
  if (!project) return console.warn(`skipped: ${skipReason}`);
  const dir = path.join(project, 'broken');
  fs.mkdirSync(dir);
  try {
    fs.writeFileSync(path.join(dir, '.prettierrc'), JSON.stringify({ plugins: ['prettier-plugin-async-migrate-does-not-exist'] }));
    fs.copyFileSync(path.join(project, 'src', 'a.ts'), path.join(dir, 'a.ts'));
    fs.copyFileSync(path.join(project, 'src', 'a.ts'), path.join(dir, 'ok.ts'));
    const script = `require(DIST + '/src/cli/index').main(['run', 'broken/a.ts', 'src/a.ts', '--format', 'auto', '--json']).then((c) => { process.exitCode = c; });`;
    const result = JSON.parse(runNode(script, project)) as { files: Array<{ path: string; status: string }>; findings: Array<{ code: string; file: string; message: string }> };
    expect(result.files.find((f) => f.path === 'broken/a.ts')?.status).toBe('changed');
    const am913 = result.findings.filter((f) => f.code === 'AM913');
    expect(am913.map((f) => f.file)).toEqual(['broken/a.ts']);
    expect(am913[0].message).toContain('broken/a.ts');
    expect(am913[0].message).toContain('prettier-plugin-async-migrate-does-not-exist');
    // The run went on: the other file was migrated too.
    expect(result.files.find((f) => f.path === 'src/a.ts')?.status).toBe('changed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('formatChangedLines reads the project\'s .editorconfig as Prettier\'s CLI does (tabs from indent_style)', async () => {
  if (!project) return console.warn(`skipped: ${skipReason}`);
  const dir = path.join(project, 'tabbed');
  fs.mkdirSync(dir);
  try {
    // a directory of its own: .editorconfig says tabs, the Prettier config only sets the width
    fs.writeFileSync(path.join(dir, '.editorconfig'), 'root = true\n\n[*]\nindent_style = tab\n');
    fs.writeFileSync(path.join(dir, '.prettierrc'), JSON.stringify({ printWidth: 80 }));
    const file = path.join(dir, 'c.ts');
    const original = 'export function f(p: string) {\n\tif (!existsSync(p)) {\n\t\treturn false;\n\t}\n\treturn true;\n}\n';
    const migrated = 'export async function f(p: string) {\n\tif (!(await access(p).then(() => true, () => false))) {\n\t\treturn false;\n\t}\n\treturn true;\n}\n';
    const script = `require(DIST + '/src/engine/format-prettier').formatChangedLines(${JSON.stringify(file)}, ${JSON.stringify(original)}, ${JSON.stringify(migrated)}).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const result = JSON.parse(runNode(script, project)) as { text: string; error?: string };
    expect(result.error).toBeUndefined();
    // what prettier@3.3.3 --check accepts for this file (its CLI reads .editorconfig)
    expect(result.text).toBe(
      'export async function f(p: string) {\n\tif (\n\t\t!(await access(p).then(\n\t\t\t() => true,\n\t\t\t() => false,\n\t\t))\n\t) {\n\t\treturn false;\n\t}\n\treturn true;\n}\n',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('changedLineRuns and readFormatMode', () => {
  expect(changedLineRuns('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(readFormatMode(undefined)).toBe('auto');
  expect(readFormatMode('off')).toBe('off');
  expect(() => readFormatMode('prettier')).toThrow(/auto or off/);
});
