/**
 * A rewrite must not introduce type errors: for every single-file TypeScript fixture of every
 * registered transform, the output type-checks (strict, so `noImplicitAny` too) with no diagnostic
 * the input did not already have (compared by code and message, positions aside) — the check
 * async-migrate's verify step makes on a real project. It keeps fs-promises' rewrites type-correct
 * (fs/promises' types reject `throwIfNoEntry`), hoist-switch-await's typed temporaries honest, and
 * collapse-delegation's wrappers valid without `async`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { TRANSFORMS } from '../src/engine/registry';

const FIXTURES = path.join(__dirname, '..', 'testfixtures');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  esModuleInterop: true,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  jsx: ts.JsxEmit.Preserve,
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

/** [input, output] paths of a transform's single-file TypeScript fixtures that have an output. */
function pairsOf(transform: string): Array<readonly [string, string]> {
  const dir = path.join(FIXTURES, transform);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.output\.[cm]?tsx?$/.test(f))
    .map((f) => [path.join(dir, f.replace('.output.', '.input.')), path.join(dir, f)] as const);
}

const byTransform = TRANSFORMS.map((t) => [t.meta.name, pairsOf(t.meta.name)] as const).filter(([, pairs]) => pairs.length > 0);
const allPairs = byTransform.flatMap(([, pairs]) => pairs);

describe('TypeScript fixture outputs type-check', () => {
  let before: Map<string, string[]>;
  let after: Map<string, string[]>;
  beforeAll(() => {
    // One program per side: each fixture is a module, so they do not see each other's names.
    before = diagnosticsByFile(allPairs.map(([input]) => input));
    after = diagnosticsByFile(allPairs.map(([, output]) => output));
  });

  test('fs-promises, hoist-switch-await and collapse-delegation have TypeScript fixtures to check', () => {
    expect(byTransform.map(([name]) => name)).toEqual(expect.arrayContaining(['fs-promises', 'hoist-switch-await', 'collapse-delegation']));
  });

  for (const [transform, pairs] of byTransform) {
    describe(transform, () => {
      for (const [input, output] of pairs) {
        test(path.basename(output), () => {
          const known = new Set(before.get(input));
          expect((after.get(output) ?? []).filter((d) => !known.has(d))).toEqual([]);
        });
      }
    });
  }
});
