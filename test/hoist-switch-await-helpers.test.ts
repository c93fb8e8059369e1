/**
 * Unit tests for the shared AST helpers written for hoist-switch-await (block-aware name resolution,
 * write detection, side-effect freedom, indentation step) and for the bench's state counter.
 */
import jscodeshift, { type ASTPath } from 'jscodeshift';
import { parserFor } from '../src/core/parser';
import { resolveLexical } from '../transforms/lib/lexical-scope';
import { isMemberChainWritten, isNameWritten } from '../transforms/lib/writes';
import { isSideEffectFree } from '../transforms/lib/side-effects';
import { detectIndentWidth } from '../transforms/lib/indent-width';

const j = jscodeshift.withParser(parserFor('x.ts'));

/** Paths of every identifier named `name`, in source order (`root` when given, else a fresh parse). */
function identifiers(source: string, name: string, root = j(source)): ASTPath[] {
  const paths: ASTPath[] = [];
  root
    .find(j.Identifier, { name })
    .forEach((p) => {
      paths.push(p as ASTPath);
    });
  return paths;
}

describe('resolveLexical', () => {
  test('a const in a case block is its own binding, not the import', () => {
    const source = `import { load } from 'x';
async function f(k: number) {
  switch (k) {
    case 1: { const load = other; return await load(1); }
    default: return await load(2);
  }
}`;
    // the import specifier holds two identifiers (imported and local names)
    const root = j(source);
    const [, , inner, innerUse, outerUse] = identifiers(source, 'load', root);
    const imported = { node: root.find(j.ImportSpecifier).get().node.local };
    expect(resolveLexical(innerUse, 'load')?.id).toBe(inner.node);
    expect(resolveLexical(innerUse, 'load')?.kind).toBe('const');
    expect(resolveLexical(outerUse, 'load')?.id).toBe(imported.node);
    expect(resolveLexical(outerUse, 'load')?.kind).toBe('import');
  });

  test('var binds at function level, parameters and catch parameters resolve, globals do not', () => {
    const source = `function f(a: string) {
  if (a) { var v = 1; }
  try { g(); } catch (e) { use(e, v, a, missing); }
}`;
    const use = (name: string) => identifiers(source, name).at(-1) as ASTPath;
    expect(resolveLexical(use('v'), 'v')?.kind).toBe('var');
    expect(resolveLexical(use('a'), 'a')?.kind).toBe('param');
    expect(resolveLexical(use('e'), 'e')?.kind).toBe('catch');
    expect(resolveLexical(use('missing'), 'missing')).toBeUndefined();
  });
});

describe('writes', () => {
  const program = (source: string) => j(source).get().node.program;
  const textOf = (source: string) => (n: { start: number; end: number }) => source.slice(n.start, n.end);

  test('isNameWritten sees =, ++, destructuring and for-of heads, not reads', () => {
    expect(isNameWritten(program('x = 1;'), 'x')).toBe(true);
    expect(isNameWritten(program('x++;'), 'x')).toBe(true);
    expect(isNameWritten(program('({ a: x } = o);'), 'x')).toBe(true);
    expect(isNameWritten(program('for (x of xs) {}'), 'x')).toBe(true);
    expect(isNameWritten(program('f(x); const y = x;'), 'x')).toBe(false);
  });

  test('isMemberChainWritten sees writes to the chain, a prefix, or a computed key on a prefix', () => {
    const chain = 'this.repo.load';
    for (const [source, expected] of [
      ['this.repo = other;', true],
      ['this.repo.load = other;', true],
      ['this[key] = other;', true],
      ['delete this.repo;', true],
      ['this.repository = other;', false],
      ['this.repo.count++;', false],
    ] as const) {
      expect([source, isMemberChainWritten(program(source), chain, textOf(source) as never)]).toEqual([source, expected]);
    }
  });
});

test('isSideEffectFree accepts reads and operators, refuses calls, assignments, await', () => {
  const expr = (source: string) => j(`(${source});`).get().node.program.body[0].expression;
  expect(isSideEffectFree(expr('a.b + `x${c}` === d ? { e, f: [1] } : !g'))).toBe(true);
  for (const bad of ['f()', 'a = 1', 'i++', 'new A()', 'delete a.b', '[...xs]', 'tag`x`']) {
    expect([bad, isSideEffectFree(expr(bad))]).toEqual([bad, false]);
  }
});

test('detectIndentWidth ignores JSDoc continuation lines', () => {
  const fourSpaces = '/**\n * Doc.\n */\nfunction f() {\n    if (a) {\n        b();\n    }\n}\n';
  expect(detectIndentWidth(fourSpaces)).toBe(4);
  expect(detectIndentWidth('function f() {\n  return 1;\n}\n')).toBe(2);
  expect(detectIndentWidth('x();\n')).toBeUndefined();
});

test('bench counts __generator states and yields of real compiler output', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require('../bench/hoist-switch-await.js') as { countGeneratorStates(js: string): number; countYields(js: string): number };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const source = 'async function f(k: boolean) { if (k) { return await g(1); } else { return await g(2); } }';
  const emit = (target: number) => ts.transpileModule(source, { compilerOptions: { target, noEmitHelpers: true } }).outputText;
  expect(bench.countYields(emit(ts.ScriptTarget.ES2015))).toBe(2);
  // ES5: state 0 (test and first call), 1 (after first await), 2 (second call), 3 (after second await)
  expect(bench.countGeneratorStates(emit(ts.ScriptTarget.ES5))).toBe(4);
});
