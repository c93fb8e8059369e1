/**
 * The pipeline over an in-memory FileMap, with small transform modules defined here (real
 * jscodeshift transforms, not stubs of product transforms): run order and chaining, the prefilter,
 * per-file error capture (AM901/AM902/AM903/AM904), the re-parse check, per-file `moduleType`,
 * option pass-through and the `prepare` extension point.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { API, FileInfo } from 'jscodeshift';
import { FileMap } from '../src/engine/filemap';
import type { Finding } from '../src/core/findings';
import { MAX_VERIFY_ATTEMPTS, runPipeline, type PipelineTransform } from '../src/engine/pipeline';
import { UsageError } from '../src/core/errors';
import { createReporter } from '../transforms/lib/report';

/** A transform renaming every identifier `from` to `to`, reporting AM001 per site. */
function renameTransform(name: string, order: number, from: string, to: string, seen?: Record<string, unknown>[]): PipelineTransform {
  return {
    meta: { name, description: `rename ${from} to ${to}`, order, options: [], example: '', mightApply: (source) => source.includes(from) },
    default: (file: FileInfo, api: API, options: Record<string, unknown>) => {
      seen?.push({ path: file.path, ...options });
      const j = api.jscodeshift;
      const root = j(file.source);
      const report = createReporter(name, file, api, options);
      const ids = root.find(j.Identifier, { name: from });
      ids.forEach((p) => {
        report({ kind: 'rewritten', code: 'AM001', message: `renamed ${from}`, position: p.node.loc?.start, subject: from });
        p.node.name = to;
      });
      return ids.length ? root.toSource() : undefined;
    },
  };
}

function memoryMap(files: Record<string, string>, cwd = '/project'): FileMap {
  const map = new FileMap(cwd);
  for (const [p, text] of Object.entries(files)) map.add(p, text);
  return map;
}

const codes = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`);

test('transforms run in the given order, each on the previous output; findings carry file and position', async () => {
  const map = memoryMap({ 'a.ts': 'const foo = 1;\nuse(foo);\n', 'b.js': 'let other = 2;\n' });
  const result = await runPipeline(map, { transforms: [renameTransform('first', 1, 'foo', 'bar'), renameTransform('second', 2, 'bar', 'baz')] });
  expect(map.get('a.ts')).toBe('const baz = 1;\nuse(baz);\n');
  expect(map.getOriginal('a.ts')).toBe('const foo = 1;\nuse(foo);\n');
  expect(map.changedPaths()).toEqual(['a.ts']);
  expect(result.files.map((f) => [f.path, f.status])).toEqual([
    ['a.ts', 'changed'],
    ['b.js', 'unchanged'],
  ]);
  expect(result.findings.map((f) => `${f.transform} ${f.file}:${f.line}:${f.column}`)).toEqual([
    'first a.ts:1:7',
    'first a.ts:2:5',
    'second a.ts:1:7',
    'second a.ts:2:5',
  ]);
});

test('a file the prefilter rules out is never parsed, even when it would not parse', async () => {
  const map = memoryMap({ 'broken.js': 'let = = ;\n' });
  const result = await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar')] });
  expect(result.files).toEqual([{ path: 'broken.js', status: 'unchanged', findings: [] }]);
});

test('a syntax error is AM901 at its line and column; the other files still change', async () => {
  const map = memoryMap({ 'bad.ts': 'const foo = 1;\nlet x = (;\n', 'good.ts': 'const foo = 2;\n' });
  const result = await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar')] });
  expect(result.files.map((f) => f.status)).toEqual(['failed', 'changed']);
  expect(codes(result.files[0].findings)).toEqual(['bad.ts:2:10 AM901']);
  expect(result.files[0].findings[0].message).toMatch(/^bad\.ts:2:10: .*Unexpected token/);
  expect(map.get('bad.ts')).toBe('const foo = 1;\nlet x = (;\n');
  expect(map.get('good.ts')).toBe('const bar = 2;\n');
});

test('a transform that throws gives AM902 for that file only, and earlier findings of the file are dropped', async () => {
  const crashing: PipelineTransform = {
    meta: { name: 'crash', description: '', order: 2, options: [], example: '', mightApply: (s) => s.includes('boom') },
    default: () => {
      throw new TypeError('cannot read properties of undefined');
    },
  };
  const map = memoryMap({ 'a.js': 'const foo = boom;\n', 'b.js': 'const foo = 1;\n' });
  const result = await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar'), crashing] });
  expect(result.files.map((f) => [f.path, f.status])).toEqual([
    ['a.js', 'failed'],
    ['b.js', 'changed'],
  ]);
  expect(codes(result.files[0].findings)).toEqual(['a.js:1:1 AM902']);
  expect(result.files[0].findings[0].message).toContain('crash threw cannot read properties of undefined');
  expect(map.isChanged('a.js')).toBe(false);
  expect(codes(result.findings)).toEqual(['a.js:1:1 AM902', 'b.js:1:7 AM001']);
});

test('output that does not re-parse is AM903 and the file keeps its text', async () => {
  const breaking: PipelineTransform = {
    meta: { name: 'break', description: '', order: 1, options: [], example: '', mightApply: () => true },
    default: (file: FileInfo) => `${file.source}const = ;\n`,
  };
  const map = memoryMap({ 'a.ts': 'export const foo = 1;\n' });
  const alone = await runPipeline(map, { transforms: [breaking] });
  expect(codes(alone.findings)).toEqual(['a.ts:2:7 AM903']);
  expect(map.isChanged('a.ts')).toBe(false);

  // when a later transform is the one that cannot parse an earlier transform's output
  const both = await runPipeline(map, { transforms: [breaking, renameTransform('r', 2, 'foo', 'bar')] });
  expect(both.files[0].status).toBe('failed');
  expect(both.findings.map((f) => `${f.transform} ${f.code}`)).toEqual(['r AM903']);
  expect(map.get('a.ts')).toBe('export const foo = 1;\n');
});

describe('per-file options', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-pipeline-'));
    fs.mkdirSync(path.join(dir, 'esm', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "outer" }\n');
    fs.writeFileSync(path.join(dir, 'esm', 'package.json'), '{ "type": "module" }\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('moduleType comes from the extension, else the nearest package.json "type"; run options pass through', async () => {
    const seen: Record<string, unknown>[] = [];
    const map = memoryMap(
      { 'a.mjs': 'foo;\n', 'b.cjs': 'foo;\n', 'c.js': 'foo;\n', 'esm/lib/d.js': 'foo;\n', 'esm/e.cts': 'foo;\n', 'esm/f.ts': 'foo;\n', 'g.mts': 'foo;\n' },
      dir,
    );
    await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar', seen)], transformOptions: { fsModules: ['graceful-fs'] } });
    expect(Object.fromEntries(seen.map((o) => [o.path, o.moduleType]))).toEqual({
      'a.mjs': 'module',
      'b.cjs': 'commonjs',
      'c.js': 'commonjs',
      'esm/lib/d.js': 'module',
      'esm/e.cts': 'commonjs',
      'esm/f.ts': 'module',
      'g.mts': 'module',
    });
    expect(seen.every((o) => Array.isArray(o.fsModules) && o.fsModules[0] === 'graceful-fs')).toBe(true);
  });

  test('an explicit moduleType option wins for every file', async () => {
    const seen: Record<string, unknown>[] = [];
    const map = memoryMap({ 'a.cjs': 'foo;\n', 'esm/b.js': 'foo;\n' }, dir);
    await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar', seen)], transformOptions: { moduleType: 'module' } });
    expect(seen.map((o) => o.moduleType)).toEqual(['module', 'module']);
  });
});

test('prepare hooks run once, before any file, see every file, and hand options and findings on', async () => {
  const events: string[] = [];
  const analysing: PipelineTransform = {
    ...renameTransform('analyse', 1, 'foo', 'bar'),
    prepare: async (fileMap, context) => {
      events.push(`prepare ${fileMap.paths().join(',')} ${context.transforms.join('>')} ${String(context.options.fsModules)}`);
      return {
        options: { plan: { functions: fileMap.paths().length } },
        findings: [{ transform: 'analyse', kind: 'left-alone', code: 'AM108', message: 'caller outside', file: 'b.js', line: 3, column: 2 }],
      };
    },
  };
  const seen: Record<string, unknown>[] = [];
  const recording = renameTransform('later', 2, 'foo', 'qux', seen);
  const original = recording.default;
  recording.default = (file, api, options) => {
    events.push(`transform ${file.path}`);
    return original(file, api, options);
  };
  const map = memoryMap({ 'a.js': 'foo;\n', 'b.js': 'baz;\n' });
  // "later" never sees foo (analyse renamed it), so give it a prefilter that always runs
  recording.meta = { ...recording.meta, mightApply: () => true };
  const result = await runPipeline(map, { transforms: [analysing, recording], transformOptions: { fsModules: ['x'] } });
  expect(events).toEqual(['prepare a.js,b.js analyse>later x', 'transform a.js', 'transform b.js']);
  expect(seen.map((o) => o.plan)).toEqual([{ functions: 2 }, { functions: 2 }]);
  expect(result.findings[0]).toMatchObject({ code: 'AM108', file: 'b.js' });
});

test('a verify problem reverts every changed file (all or nothing); problems sit with their files', async () => {
  const verifying: PipelineTransform = {
    ...renameTransform('checked', 1, 'foo', 'bar'),
    verify: (fileMap) => [
      { transform: 'checked', kind: 'left-alone', code: 'AM340', message: `new type error (sees ${fileMap.get('a.ts')?.trim()})`, file: 'a.ts', line: 1, column: 7 },
      { transform: 'checked', kind: 'left-alone', code: 'AM340', message: 'new type error elsewhere', file: 'not-scanned.d.ts', line: 2, column: 1 },
    ],
  };
  const map = memoryMap({ 'a.ts': 'const foo = 1;\n', 'b.ts': 'const foo = 2;\n', 'c.ts': 'const other = 3;\n' });
  const result = await runPipeline(map, { transforms: [verifying] });
  expect(map.changedPaths()).toEqual([]);
  expect(result.files.map((f) => `${f.path} ${f.status} ${f.findings.map((x) => x.code).join(',')}`)).toEqual(['a.ts failed AM340', 'b.ts failed AM906', 'c.ts unchanged ']);
  expect(result.files[0].findings[0].message).toBe('new type error (sees const bar = 1;)'); // verify saw the migrated text
  expect(result.findings.map((f) => `${f.file} ${f.code}`)).toEqual(['not-scanned.d.ts AM340', 'a.ts AM340', 'b.ts AM906']);
});

test('a verify hook may ask for another attempt from the original texts, with more options; attempts are bounded', async () => {
  const seen: string[] = [];
  // Renames foo → bar in every file except those listed in `skip`; verify objects to a.ts until it is skipped.
  const retrying: PipelineTransform = {
    meta: { ...renameTransform('retry', 1, 'foo', 'bar').meta },
    default: (file: { path: string; source: string }, _api: unknown, options: { skip?: string[] }) => ((options.skip ?? []).includes(file.path) ? undefined : file.source.replace(/foo/g, 'bar')),
    verify: (fileMap: FileMap, options: Readonly<Record<string, unknown>>) => {
      seen.push(`${fileMap.get('a.ts')?.trim()} | ${fileMap.get('b.ts')?.trim()}`);
      if (fileMap.get('a.ts')?.includes('bar')) return { problems: [{ transform: 'retry', kind: 'left-alone', code: 'AM340', message: 'a.ts is wrong', file: 'a.ts', line: 1, column: 1 }], retryWith: { skip: [...((options.skip as string[]) ?? []), 'a.ts'] } };
      return [];
    },
  } as unknown as PipelineTransform;
  const map = memoryMap({ 'a.ts': 'const foo = 1;\n', 'b.ts': 'const foo = 2;\n' });
  const result = await runPipeline(map, { transforms: [retrying] });
  expect(seen).toEqual(['const bar = 1; | const bar = 2;', 'const foo = 1; | const bar = 2;']);
  expect(result.files.map((f) => `${f.path} ${f.status}`)).toEqual(['a.ts unchanged', 'b.ts changed']);

  // A hook that always asks again gets MAX_VERIFY_ATTEMPTS attempts; the last problems are final.
  let attempts = 0;
  const stubborn: PipelineTransform = {
    ...renameTransform('stubborn', 1, 'foo', 'bar'),
    verify: () => {
      attempts++;
      return { problems: [{ transform: 'stubborn', kind: 'left-alone', code: 'AM340', message: 'still wrong', file: 'a.ts', line: 1, column: 1 }], retryWith: { attempt: attempts } };
    },
  };
  const map2 = memoryMap({ 'a.ts': 'const foo = 1;\n' });
  const final = await runPipeline(map2, { transforms: [stubborn] });
  expect(attempts).toBe(MAX_VERIFY_ATTEMPTS);
  expect(map2.changedPaths()).toEqual([]);
  expect(final.files.map((f) => `${f.path} ${f.status} ${f.findings.map((x) => x.code).join(',')}`)).toEqual(['a.ts failed AM340']);
});

test('finish hooks rewrite findings per file and project-wide, after verify', async () => {
  const finishing: PipelineTransform = {
    ...renameTransform('r', 1, 'foo', 'bar'),
    prepare: () => ({ findings: [{ transform: 'r', kind: 'left-alone', code: 'AM106', message: 'project', file: 'x.ts', line: 1, column: 1 }] }),
    finish: (findings) => findings.map((f) => (f.code === 'AM106' ? { ...f, code: 'AM302', message: `${f.message} (explained)` } : f)),
  };
  const result = await runPipeline(memoryMap({ 'a.ts': 'const foo = 1;\n' }), { transforms: [finishing] });
  expect(result.findings.map((f) => `${f.file} ${f.code} ${f.message}`)).toEqual(['x.ts AM302 project (explained)', 'a.ts AM001 renamed foo']);
});

test('files that could not be loaded are failed with AM904, in path order', async () => {
  const map = memoryMap({ 'a.js': 'foo;\n', 'c.js': 'foo;\n' });
  const result = await runPipeline(map, { transforms: [renameTransform('r', 1, 'foo', 'bar')], loadProblems: [{ path: 'b.js', message: 'not valid UTF-8 text' }] });
  expect(result.files.map((f) => `${f.path} ${f.status}`)).toEqual(['a.js changed', 'b.js failed', 'c.js changed']);
  expect(result.files[1].findings[0]).toMatchObject({ code: 'AM904', file: 'b.js', kind: 'left-alone' });
});

describe('FileMap.load', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-filemap-'));
    fs.writeFileSync(path.join(dir, 'bom.ts'), '\uFEFFconst a = 1;\r\nexport { a };');
    fs.writeFileSync(path.join(dir, 'latin1.js'), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a])); // "// é" in latin1
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('keeps BOM, CRLF and a missing final newline; refuses bytes that are not UTF-8 and missing files', async () => {
    const { fileMap, problems } = await FileMap.load(['bom.ts', 'latin1.js', 'gone.js'], dir);
    expect(fileMap.paths()).toEqual(['bom.ts']);
    expect(fileMap.get('bom.ts')).toBe('\uFEFFconst a = 1;\r\nexport { a };');
    expect(problems.map((p) => p.path)).toEqual(['latin1.js', 'gone.js']);
    expect(problems[0].message).toBe('not valid UTF-8 text');
    expect(problems[1].message).toMatch(/ENOENT/);
  });
});

test('a prepare hook that crashes costs only its own transform (AM907); a usage error stops the run', async () => {
  const crashing: PipelineTransform = {
    ...renameTransform('analyse', 1, 'never', 'used'),
    prepare: () => {
      throw new Error('cannot load the project');
    },
  };
  const map = memoryMap({ 'a.js': 'foo;\n' });
  const result = await runPipeline(map, { transforms: [crashing, renameTransform('later', 2, 'foo', 'bar')] });
  expect(map.get('a.js')).toBe('bar;\n');
  expect(result.findings.map((f) => `${f.code} ${f.transform} ${f.message}`)).toContainEqual(
    'AM907 analyse analyse: project analysis failed, so it was skipped: cannot load the project',
  );

  const misused: PipelineTransform = {
    ...renameTransform('analyse', 1, 'never', 'used'),
    prepare: () => {
      throw new UsageError('tsconfig.json: cannot read it');
    },
  };
  await expect(runPipeline(memoryMap({ 'a.js': 'foo;\n' }), { transforms: [misused] })).rejects.toThrow('tsconfig.json: cannot read it');
});
