/**
 * Collapsing a TypeScript wrapper must not introduce type errors: with its `Promise<T>` annotation
 * kept (or none, inferred from the callee), a plain function returning the callee's promise still
 * type-checks. For every TypeScript fixture of collapse-delegation with an output, the output has no
 * diagnostic the input did not already have (compared by code and message, positions aside).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const DIR = path.join(__dirname, '..', 'testfixtures', 'collapse-delegation');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  jsx: ts.JsxEmit.Preserve,
  typeRoots: [path.join(__dirname, '..', 'node_modules', '@types')],
};

/** `TS<code> <message>` diagnostics of one program over `files`, per file. */
function getDiagnostics(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, OPTIONS);
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file) byFile.get(d.file.fileName)?.push(`TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return byFile;
}

const pairs = fs
  .readdirSync(DIR)
  .filter((f) => /\.output\.[cm]?tsx?$/.test(f))
  .map((f) => [path.join(DIR, f.replace('.output.', '.input.')), path.join(DIR, f)] as const);

describe('collapse-delegation TypeScript outputs type-check', () => {
  let before: Map<string, string[]>;
  let after: Map<string, string[]>;
  beforeAll(() => {
    before = getDiagnostics(pairs.map(([input]) => input));
    after = getDiagnostics(pairs.map(([, output]) => output));
  });

  test('there are TypeScript fixtures with outputs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(4);
  });

  for (const [input, output] of pairs) {
    test(path.basename(output), () => {
      const known = new Set(before.get(input));
      expect((after.get(output) ?? []).filter((d) => !known.has(d))).toEqual([]);
    });
  }
});
