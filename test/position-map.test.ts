/**
 * The position map from a migrated text back to its original (src/plan/position-map.ts): offsets in
 * unchanged text map to the same character, edits inside a line keep character precision, added lines
 * map to their insertion point, and a file with hundreds of rewritten sites is mapped quickly enough
 * to be used on every verification (the two-step line → character diff).
 */
import { createPositionMap, lineAt } from '../src/plan/position-map';

const at = (text: string, needle: string, nth = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in text`);
  return i;
};

test('identical texts map to themselves', () => {
  const map = createPositionMap('a\nb\n', 'a\nb\n');
  expect(map.toOriginal(3)).toBe(3);
  expect(map.isUnchanged(3)).toBe(true);
});

test('an edit inside a line keeps the characters around it mapped one to one', () => {
  const before = 'import { readFileSync } from "fs";\nfunction f(p) {\n  const x = readFileSync(p, "utf8");\n  return x;\n}\n';
  const after = 'import { readFile } from "fs/promises";\nasync function f(p) {\n  const x = await readFile(p, "utf8");\n  return x;\n}\n';
  const map = createPositionMap(before, after);
  expect(map.toOriginal(at(after, '"utf8"'))).toBe(at(before, '"utf8"'));
  expect(map.isUnchanged(at(after, '"utf8"'))).toBe(true);
  expect(map.toOriginal(at(after, 'return x'))).toBe(at(before, 'return x'));
  expect(map.isUnchanged(at(after, 'async'))).toBe(false);
  expect(map.toOriginal(at(after, 'async'))).toBe(at(before, 'function f'));
});

test('an added line maps to its insertion point and the lines after it shift back', () => {
  const before = 'const a = 1;\nconst b = 2;\n';
  const after = 'const a = 1;\nimport { x } from "y";\nconst b = 2;\n';
  const map = createPositionMap(before, after);
  expect(map.isUnchanged(at(after, 'import'))).toBe(false);
  expect(map.toOriginal(at(after, 'import'))).toBe(at(before, 'const b'));
  expect(map.toOriginal(at(after, 'b = 2'))).toBe(at(before, 'b = 2'));
});

test('every unchanged offset of a file with many scattered edits maps to the same character', () => {
  const lines = Array.from({ length: 600 }, (_, i) => `  const v${i} = fs.readFileSync('f${i}', 'utf8'); // keep ${i}`);
  const before = `${lines.join('\n')}\n`;
  const after = `${lines.map((l, i) => (i % 3 === 0 ? l.replace('fs.readFileSync', 'await readFile') : l)).join('\n')}\n`;
  const map = createPositionMap(before, after);
  let checked = 0;
  for (let o = 0; o < after.length; o += 7) {
    if (!map.isUnchanged(o)) continue;
    expect(before[map.toOriginal(o)]).toBe(after[o]);
    checked++;
  }
  expect(checked).toBeGreaterThan(1000);
  const last = at(after, '// keep 599');
  expect(lineAt(before, map.toOriginal(last))).toBe(600);
});
