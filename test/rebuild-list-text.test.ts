/**
 * rebuildListText: a braced list (named imports, a destructuring pattern) after the rewrite removed
 * and added items keeps its own layout. Each case gives the original list text, the items kept (by
 * index) and the items added, and the exact text expected.
 */
import { rebuildListText } from '../transforms/fs-promises/rebuild-list-text';

/** Rebuild `text` (a whole `{ … }` list whose items are identifiers) keeping `kept` and adding `added`. */
function rebuild(text: string, kept: number[], added: string[] = []): string | undefined {
  const items = [...text.matchAll(/[A-Za-z_$][\w$]*(?:: [A-Za-z_$][\w$]*)?/g)]
    .filter((m) => !isInComment(text, m.index ?? 0))
    .map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  return rebuildListText({ text, open: text.indexOf('{'), close: text.lastIndexOf('}'), items, kept, added });
}

/** Is `at` inside a `//` comment of `text`? */
function isInComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return text.slice(lineStart, at).includes('//');
}

describe('rebuildListText', () => {
  test('one line: a removed item takes its separator', () => {
    expect(rebuild('{ a, b, c }', [0, 2])).toBe('{ a, c }');
    expect(rebuild('{ a, b, c }', [1, 2])).toBe('{ b, c }');
    expect(rebuild('{ a, b, c }', [0, 1])).toBe('{ a, b }');
  });

  test('wrapped list: line breaks after kept items stay', () => {
    expect(rebuild('{ a, b,\n  c }', [1, 2])).toBe('{ b,\n  c }');
    expect(rebuild('{ a, b,\n  c }', [1])).toBe('{ b }');
  });

  test('one item per line with a trailing comma', () => {
    expect(rebuild('{\n  a,\n  b,\n  c,\n}', [1])).toBe('{\n  b,\n}');
    expect(rebuild('{\n  a,\n  b,\n  c,\n}', [0, 1])).toBe('{\n  a,\n  b,\n}');
  });

  test('added items follow the list separator, before a trailing comma', () => {
    expect(rebuild('{\n  a,\n}', [0], ['b', 'c'])).toBe('{\n  a,\n  b,\n  c,\n}');
    expect(rebuild('{ a }', [0], ['b'])).toBe('{ a, b }');
    expect(rebuild('{\n\ta,\n\tb\n}', [1], ['c'])).toBe('{\n\tb,\n\tc\n}');
  });

  test('a comment on the last kept item line stays; one on a removed item goes with it', () => {
    expect(rebuild('{\n  a, // why a\n  b,\n}', [0])).toBe('{\n  a, // why a\n}');
    expect(rebuild('{\n  a, // why a\n  b\n}', [0])).toBe('{\n  a // why a\n}');
    expect(rebuild('{\n  a, // why a\n  b, // why b\n  c,\n}', [0, 2])).toBe('{\n  a, // why a\n  c,\n}');
    expect(rebuild('{\n  a, // why a\n  b,\n}', [0], ['c'])).toBe('{\n  a, // why a\n  c,\n}');
  });

  test('renamed items keep their text', () => {
    expect(rebuild('{ readFileSync: rfs, statSync }', [1], ['readFile'])).toBe('{ statSync, readFile }');
  });

  test('nothing left: undefined', () => {
    expect(rebuild('{ a, b }', [])).toBeUndefined();
  });
});
