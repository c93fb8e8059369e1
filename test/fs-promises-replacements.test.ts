/**
 * The replacement text fs-promises reports for each rewritten call (`Finding.replacement`, used for
 * SARIF fixes over the call's region) is exactly what the transform writes there, parentheses
 * included: putting it in place of the call gives the output's line.
 */
import { applyTransform } from '../src/engine/apply';
import * as fsPromises from '../transforms/fs-promises';

const CASES: Array<[line: string, call: string]> = [
  ['const size = statSync(p).size;', 'statSync(p)'],
  ['log(readFileSync(p));', 'readFileSync(p)'],
  ["const names = [...readdirSync(p, 'utf8')];", "readdirSync(p, 'utf8')"],
  ['const kind = typeof readFileSync(p);', 'readFileSync(p)'],
  ["const text = readFileSync(p) ?? '';", 'readFileSync(p)'],
  ['const isFile = statSync(p)!.isFile();', 'statSync(p)'],
  ['const data = readFileSync(p) as Buffer;', 'readFileSync(p)'],
  ['const there = existsSync(p) && ok;', 'existsSync(p)'],
];

describe('fs-promises replacement text', () => {
  test.each(CASES)('%s', (line, call) => {
    const input = `import { existsSync, readdirSync, readFileSync, statSync } from 'fs';\n\nexport async function f(p: string, ok: boolean) {\n  ${line}\n}\n\ndeclare function log(value: unknown): void;\n`;
    const { output, findings } = applyTransform(fsPromises as never, 'case.ts', input, {});
    const rewritten = findings.filter((f) => f.kind === 'rewritten');
    expect(rewritten).toHaveLength(1);
    const lines = output!.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('export async function f')) + 1]).toBe(`  ${line.replace(call, rewritten[0].replacement!)}`);
  });
});
