/**
 * blocking-apis, run for real: the input and the output of the child_process, zlib, crypto and sleep
 * fixtures (testfixtures/blocking-apis/) are loaded in a fresh Node.js process each (TypeScript
 * transpiled to CommonJS), the same exported function is called with the same arguments, and what
 * a caller observes is compared: the resolved value (Buffers as hex, so a Buffer that became a string
 * would show), or the thrown error's message (trimmed: exec adds a line break where execSync's has none)
 * and whether it carries stdout/stderr. Key pairs and random salts are compared by shape; derived keys
 * byte for byte.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { applyTransform } from '../src/engine/apply';
import { getTransformOrThrow } from '../src/engine/registry';

const FIXTURES = path.join(__dirname, '..', 'testfixtures', 'blocking-apis');
const ROOT = path.join(__dirname, '..');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'blocking-apis-behaviour-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Write `source` (of fixture file `name`) as a module Node.js can load; TypeScript is transpiled to CommonJS. */
function writeModule(name: string, source: string, tag: string): string {
  const ext = path.extname(name);
  if (ext === '.ts') {
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    const file = path.join(tmp, `${tag}-${path.basename(name, ext)}.cjs`);
    fs.writeFileSync(file, js);
    return file;
  }
  const file = path.join(tmp, `${tag}-${path.basename(name, ext)}${ext === '.mjs' ? '.mjs' : '.cjs'}`);
  fs.writeFileSync(file, source);
  return file;
}

/** The script a child process runs: import the module, call the export, print what a caller observes as JSON. */
const RUNNER = String.raw`
const [file, fn, argsJson] = process.argv.slice(1);
const show = (v) => {
  if (Buffer.isBuffer(v)) return { buffer: v.toString('hex') };
  if (v instanceof ArrayBuffer) return { arrayBuffer: Buffer.from(v).toString('hex') };
  if (v instanceof require('crypto').KeyObject) return { keyObject: v.type };
  if (Array.isArray(v)) return v.map(show);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)]));
  return v;
};
(async () => {
  const started = Date.now();
  const mod = await import(require('url').pathToFileURL(file).href);
  const target = mod[fn] ?? (mod.default && mod.default[fn]);
  try {
    // '() => false' stands for a task function (JSON has none)
    const value = await target(...JSON.parse(argsJson).map((a) => (a === '() => false' ? () => false : a)));
    console.log(JSON.stringify({ value: show(value), ms: Date.now() - started }));
  } catch (e) {
    console.log(JSON.stringify({ error: { message: String(e.message).trim(), hasStdout: 'stdout' in e, hasStderr: 'stderr' in e }, ms: Date.now() - started }));
  }
})();
`;

interface Observed {
  value?: unknown;
  error?: { message: string; hasStdout: boolean; hasStderr: boolean };
  ms: number;
}

function observe(file: string, fn: string, args: unknown[]): Observed {
  const out = execFileSync(process.execPath, ['-e', RUNNER, file, fn, JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.split('\n').find((line) => line.startsWith('{"')) as string) as Observed;
}

/** Input and output of `source` (a fixture name or inline code named `name`), as loadable files. */
function bothVersions(name: string, source?: string): { before: string; after: string } {
  const input = source ?? fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const result = applyTransform(getTransformOrThrow('blocking-apis'), path.join('testfixtures', 'blocking-apis', name), input, {});
  expect(result.output).toBeDefined();
  return { before: writeModule(name, input, 'before'), after: writeModule(name, result.output as string, 'after') };
}

const gitInstalled = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

/** This checkout is a git work tree (the example fixture reads `git rev-parse HEAD` here). */
const hasGit = (() => {
  try {
    execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

describe('child_process: the same stdout, Buffer or string, and the same failures', () => {
  test('execFileSync → promisified execFile: Buffers stay Buffers, strings stay strings', () => {
    const { before, after } = bothVersions('exec-file-sync-result-shapes.input.ts');
    const a = observe(before, 'versions', []);
    const b = observe(after, 'versions', []);
    expect(a.error).toBeUndefined();
    expect(b.value).toEqual(a.value);
  });

  (hasGit ? test : test.skip)('execSync with encoding → (await execAsync()).stdout; gzipSync → await gzipAsync (the example)', () => {
    const { before, after } = bothVersions('exec-sync-in-async-function.input.ts');
    const a = observe(before, 'buildArchive', [['a.txt', 'b.txt']]);
    expect(a.error).toBeUndefined();
    expect(observe(after, 'buildArchive', [['a.txt', 'b.txt']]).value).toEqual(a.value);
  });

  test('a catch that only rethrows: the value, and the error of a failing command, are kept', () => {
    const { before, after } = bothVersions('bail-catch-reads-error.input.cjs');
    const ok = `"${process.execPath}" -e "process.stdout.write('out')"`;
    expect(observe(after, 'rethrows', [ok]).value).toEqual(observe(before, 'rethrows', [ok]).value);
    expect(observe(before, 'rethrows', [ok]).value).toBe('out');
    const failing = `"${process.execPath}" -e "process.exit(3)"`;
    const a = observe(before, 'rethrows', [failing]);
    const b = observe(after, 'rethrows', [failing]);
    expect(a.error).toBeDefined();
    expect(b.error).toEqual(a.error);
    // the catch that reads error.status was left alone (AM711): the same exit code both times
    expect(observe(after, 'exitCode', [failing]).value).toBe(3);
  });

  (gitInstalled ? test : test.skip)('CommonJS forms: module object, inline require, an existing promisified exec', () => {
    const { before, after } = bothVersions('commonjs-require-forms.input.js');
    // a repository of its own with one untracked file: the checkout this runs in may be no git work tree
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'am-blocking-git-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'pipe' });
      fs.writeFileSync(path.join(repo, 'new.txt'), 'x\n');
      const a = observe(before, 'status', [repo]);
      expect(a.error).toBeUndefined();
      expect(observe(after, 'status', [repo])).toMatchObject({ value: a.value });
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('zlib and crypto: the same bytes and keys', () => {
  test('zlib namespace and named imports, nested calls (ES module)', () => {
    const { before, after } = bothVersions('zlib-namespace-and-named.input.mjs');
    const a = observe(before, 'roundTrip', ['hello, blocking world']);
    expect(a.error).toBeUndefined();
    expect(observe(after, 'roundTrip', ['hello, blocking world']).value).toEqual(a.value);
  });

  test('derived keys byte for byte; key pairs and random fills by shape; errors of bad arguments', () => {
    const source = [
      "import { generateKeyPairSync, pbkdf2Sync, randomFillSync, scryptSync, hkdfSync, checkPrimeSync } from 'crypto';",
      '',
      'export async function derive(password: string, keylen: number) {',
      "  const pbkdf2 = pbkdf2Sync(password, 'salt', 1000, keylen, 'sha256');",
      "  const scrypt = scryptSync(password, 'salt', keylen, { N: 1024 });",
      "  const hkdf = hkdfSync('sha256', password, 'salt', 'info', keylen);",
      "  const pair = generateKeyPairSync('ed25519');",
      '  const filled = randomFillSync(Buffer.alloc(8));',
      '  const prime = checkPrimeSync(BigInt(7919));',
      '  return { pbkdf2, scrypt, hkdf, pair, filled: filled.length, prime };',
      '}',
      '',
    ].join('\n');
    const { before, after } = bothVersions('inline-crypto.input.ts', source);
    const a = observe(before, 'derive', ['secret', 32]);
    expect(a.error).toBeUndefined();
    expect(a.value).toMatchObject({ pair: { publicKey: { keyObject: 'public' }, privateKey: { keyObject: 'private' } }, filled: 8, prime: true });
    expect(observe(after, 'derive', ['secret', 32]).value).toEqual(a.value);
    // a negative key length throws in both forms, with the same message
    const bad = observe(before, 'derive', ['secret', -1]);
    expect(bad.error).toBeDefined();
    expect(observe(after, 'derive', ['secret', -1]).error).toEqual(bad.error);
  });
});

describe('sleeps', () => {
  test('Atomics.wait and execSync("sleep 1") → await setTimeout: the same result after at least the same pause', () => {
    const { before, after } = bothVersions('blocking-sleeps.input.cjs');
    // retry(task, 3) with a task that fails: sleeps 0, 100 and 200 ms between attempts, then 1 s
    const a = observe(before, 'retry', ['() => false', 3]);
    const b = observe(after, 'retry', ['() => false', 3]);
    expect(a.value).toBe(false);
    expect(b.value).toBe(false);
    expect(a.ms).toBeGreaterThanOrEqual(1300);
    expect(b.ms).toBeGreaterThanOrEqual(1300);
  });
});
