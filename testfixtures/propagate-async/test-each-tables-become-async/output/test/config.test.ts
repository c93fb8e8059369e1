import { loadPort } from '../src/config';

type TestFn = (...row: any[]) => void | Promise<void>;
interface Each {
  (table: readonly unknown[]): (name: string, fn: TestFn) => void;
  (strings: TemplateStringsArray, ...values: unknown[]): (name: string, fn: TestFn) => void;
}
declare const it: { (name: string, fn: TestFn): void; each: Each; only: { each: Each } };
declare const test: typeof it;
declare function expect(value: unknown): { toBe(expected: unknown): void };

// jest spreads a row that is an array into the arguments: (file, port) are the row, not a done callback.
it.each([
  ['fixtures/a.json', 8080],
  ['fixtures/b.json', 9090],
])('reads %s', async (file, port) => {
  expect(await loadPort(file)).toBe(port);
});

// A table of single values: one argument per row.
it.only.each(['fixtures/a.json', 'fixtures/b.json'])('reads %s without throwing', async (file) => {
  await loadPort(file);
});

// A template-literal table: the row is one object.
it.each`
  file                 | port
  ${'fixtures/a.json'} | ${8080}
`('reads $file from a template table', async ({ file, port }) => {
  expect(await loadPort(file)).toBe(port);
});

// A table named by a constant, and one typed as tuples.
const rows = [['fixtures/a.json', 8080]] as const;
test.each(rows)('reads %s from a constant table', async (file, port) => {
  expect(await loadPort(file)).toBe(port);
});

function typedRows(): [string, number][] {
  return [['fixtures/b.json', 9090]];
}
test.each(typedRows())('reads %s from a typed table', async (file: string, port: number) => {
  expect(await loadPort(file)).toBe(port);
});
