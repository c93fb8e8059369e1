import { test } from 'node:test';
import assert from 'node:assert';
import { readFile } from 'node:fs/promises';

// node:test passes a context first: a callback taking only `t` may return a promise.
test('reads the fixture', async (t) => {
  const text = await readFile('fixture.txt', 'utf8');
  t.diagnostic(text);
  assert.strictEqual(text.length > 0, true);
});

test('subtests', async (t) => {
  await t.test('read in a subtest', async (t) => {
    assert.ok(await readFile('fixture.txt', 'utf8'));
  });
});
