import { test } from 'node:test';
import { readFileSync } from 'node:fs';

// node:test passes the context first and `done` second.
test('reads the fixture', (t, done) => {
  t.diagnostic(readFileSync('fixture.db', 'utf8'));
  done();
});
