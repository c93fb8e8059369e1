/**
 * hoist-switch-await must not introduce type errors: for every TypeScript fixture, the output
 * type-checks (strict, so `noImplicitAny` too) with no diagnostic the input did not already have,
 * compared by code and message. This is what makes the typed temporaries honest: a literal union
 * that the callee does not accept, or a declared type wider than the narrowed one, shows up here.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const DIR = path.join(__dirname, '..', 'testfixtures', 'hoist-switch-await');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  typeRoots: [path.join(__dirname, '..', 'node_modules', '@types')],
};

/** Diagnostics per file of one program over `files`, as `TS<code> <message>` strings. */
function diagnosticsByFile(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, OPTIONS);
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const list = d.file ? byFile.get(d.file.fileName) : undefined;
    list?.push(`TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return byFile;
}

const pairs = fs
  .readdirSync(DIR)
  .filter((f) => /\.output\.(ts|mts|cts)$/.test(f))
  .map((f) => [path.join(DIR, f.replace('.output.', '.input.')), path.join(DIR, f)] as const);

describe('hoist-switch-await outputs type-check', () => {
  let before: Map<string, string[]>;
  let after: Map<string, string[]>;
  beforeAll(() => {
    before = diagnosticsByFile(pairs.map(([input]) => input));
    after = diagnosticsByFile(pairs.map(([, output]) => output));
  });

  test('there are TypeScript fixtures to check', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  for (const [input, output] of pairs) {
    test(path.basename(output), () => {
      const known = new Set(before.get(input));
      expect((after.get(output) ?? []).filter((d) => !known.has(d))).toEqual([]);
    });
  }
});
