import { test } from 'node:test';
import assert from 'node:assert';
import { readFileSync } from 'node:fs';

// node:test passes a context first: a callback taking only `t` may return a promise.
test('reads the fixture', (t) => {
  const text = readFileSync('fixture.txt', 'utf8');
  t.diagnostic(text);
  assert.strictEqual(text.length > 0, true);
});

test('subtests', async (t) => {
  await t.test('read in a subtest', (t) => {
    assert.ok(readFileSync('fixture.txt', 'utf8'));
  });
});
